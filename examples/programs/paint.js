// Question: A wall is 4.5 m wide and 2.4 m high. One litre of paint covers 8 square
// metres and the wall needs two coats. Paint is sold in 2.5 litre tins. How many tins?
// Expect: 2
const area = 4.5 * 2.4;
const litres = (area * 2) / 8;
const tins = Math.ceil(litres / 2.5);
const answer = tins;
