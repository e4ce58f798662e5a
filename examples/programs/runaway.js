// Question: Which whole number, squared, gives 2?
// Note: No whole number does, so this search never ends; the sandbox stops it at its
// time limit.
// Expect: timeout
let n = 1;
while (n * n !== 2) {
  n += 1;
}
const answer = n;
