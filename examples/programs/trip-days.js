// Question: A trip starts on 2024-02-26 and ends on 2024-03-04, both days included.
// How many days does it last?
// Expect: 8
function solution() {
  const start = Date.UTC(2024, 1, 26);
  const end = Date.UTC(2024, 2, 4);
  const msPerDay = 24 * 60 * 60 * 1000;
  const days = (end - start) / msPerDay + 1;
  console.log(`2024 is a leap year, so February has 29 days; span = ${days} days`);
  return days;
}
