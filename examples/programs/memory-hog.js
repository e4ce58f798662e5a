// Question: How many cells has the multiplication table of 1 to 1,000,000?
// Note: The program builds the whole table instead of multiplying; the sandbox stops
// it at its memory limit.
// Expect: memory
const table = [];
for (let row = 1; row <= 1e6; row++) {
  table.push(new Array(1e6).fill(row));
}
const answer = table.length * table[0].length;
