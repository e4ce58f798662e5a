// Question: A jacket costs $80. It is on sale for 25% off, and a loyalty card takes a
// further 10% off the sale price. How much does the jacket cost with both discounts?
// Expect: 54
function solution() {
  const price = 80;
  const salePrice = price * (1 - 0.25);
  const finalPrice = salePrice * (1 - 0.1);
  return finalPrice;
}
