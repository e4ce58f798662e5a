// Question: Sam reads 12 pages a day. How many days does a 300-page book take him?
// Note: A typo, as models sometimes make: the error names its line, so a repair prompt
// can point at it.
// Expect: runtime
function solution() {
  const pagesPerDay = 12;
  const pages = 300;
  return Math.ceil(pages / pagesPerday);
}
