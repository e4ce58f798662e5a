import { InvalidOptionError } from "../errors/index.js";

/** One worked example, shown to the model before the question (few-shot prompting). */
export interface Exemplar {
  question: string;
  /** A step-by-step solution ending with "The answer is <answer>." */
  reasoning: string;
  /** A JavaScript program whose `solution()` returns the answer. */
  program: string;
  answer: string;
}

/**
 * cotpot's own exemplar sets, written for it: `arithmetic` (word problems with money,
 * rates and percentages) and `dates-and-units` (calendars, durations and conversions).
 */
export const EXEMPLAR_SETS: Readonly<Record<string, readonly Exemplar[]>> = Object.freeze({
  arithmetic: [
    {
      question:
        "A bakery packs muffins in boxes of 6. On Monday it baked 150 muffins and sold 19 full boxes. How many muffins were left?",
      reasoning: [
        "19 full boxes of 6 muffins is 19 * 6 = 114 muffins sold.",
        "150 baked - 114 sold = 36 muffins left.",
        "Check: 114 + 36 = 150, as baked.",
        "The answer is 36.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const baked = 150;",
        "  const muffinsPerBox = 6;",
        "  const boxesSold = 19;",
        "  const sold = boxesSold * muffinsPerBox;",
        "  return baked - sold;",
        "}",
      ].join("\n"),
      answer: "36",
    },
    {
      question:
        "Tomás earns $18 an hour and worked 7 hours on each of 4 days this week. He saves a quarter of what he earns. How much does he save this week?",
      reasoning: [
        "He worked 7 * 4 = 28 hours.",
        "He earned 28 * $18 = $504.",
        "A quarter of $504 is 504 / 4 = $126.",
        "The answer is 126.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const hourlyPay = 18;",
        "  const hours = 7 * 4;",
        "  const earned = hours * hourlyPay;",
        "  const saved = earned / 4;",
        "  return saved;",
        "}",
      ].join("\n"),
      answer: "126",
    },
    {
      question:
        "A bike costs $240. The shop takes 15% off, then adds a $12 delivery charge. What is the total?",
      reasoning: [
        "15% of $240 is 0.15 * 240 = $36.",
        "The discounted price is 240 - 36 = $204.",
        "With delivery: 204 + 12 = $216.",
        "The answer is 216.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const price = 240;",
        "  const discount = price * 0.15;",
        "  const delivery = 12;",
        "  return price - discount + delivery;",
        "}",
      ].join("\n"),
      answer: "216",
    },
    {
      question:
        "A tank holds 1,200 litres. A pump fills it at 45 litres a minute and a leak loses 5 litres a minute. The tank starts empty. How many minutes until it is full?",
      reasoning: [
        "Each minute the tank gains 45 - 5 = 40 litres.",
        "1200 / 40 = 30 minutes.",
        "Check: 30 * 40 = 1200.",
        "The answer is 30.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const capacity = 1200;",
        "  const netRatePerMinute = 45 - 5;",
        "  return capacity / netRatePerMinute;",
        "}",
      ].join("\n"),
      answer: "30",
    },
  ],
  "dates-and-units": [
    {
      question:
        "A course starts on Monday 3 March 2025 and meets every weekday for 12 meetings. On what date is the last meeting?",
      reasoning: [
        "Weekdays from Monday 3 March: week 1 has meetings 1-5 (3-7 March), week 2 has 6-10 (10-14 March).",
        "Meetings 11 and 12 fall on Monday 17 and Tuesday 18 March, that is 2025-03-18.",
        "The answer is 2025-03-18.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const date = new Date(Date.UTC(2025, 2, 3));",
        "  let meetings = 1;",
        "  while (meetings < 12) {",
        "    date.setUTCDate(date.getUTCDate() + 1);",
        "    const day = date.getUTCDay();",
        "    if (day !== 0 && day !== 6) meetings += 1;",
        "  }",
        "  return date.toISOString().slice(0, 10);",
        "}",
      ].join("\n"),
      answer: "2025-03-18",
    },
    {
      question:
        "A runner keeps a pace of 5 minutes 30 seconds per kilometre. How long does a 21 km run take, in minutes?",
      reasoning: [
        "5 minutes 30 seconds is 5.5 minutes.",
        "21 km * 5.5 minutes per km = 115.5 minutes.",
        "The answer is 115.5.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const minutesPerKm = 5 + 30 / 60;",
        "  const distanceKm = 21;",
        "  return distanceKm * minutesPerKm;",
        "}",
      ].join("\n"),
      answer: "115.5",
    },
    {
      question:
        "A recipe needs 750 grams of flour per loaf. Flour comes in 2 kg bags. How many bags are needed for 9 loaves?",
      reasoning: [
        "9 loaves need 9 * 750 = 6750 grams, which is 6.75 kg.",
        "6.75 / 2 = 3.375 bags, and bags come whole, so 4 bags.",
        "The answer is 4.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const gramsPerLoaf = 750;",
        "  const loaves = 9;",
        "  const bagKg = 2;",
        "  const flourKg = (gramsPerLoaf * loaves) / 1000;",
        "  return Math.ceil(flourKg / bagKg);",
        "}",
      ].join("\n"),
      answer: "4",
    },
    {
      question:
        "A flight leaves at 22:40 and lands 7 hours 35 minutes later. At what time does it land?",
      reasoning: [
        "22:40 + 7 hours = 05:40 the next day.",
        "05:40 + 35 minutes = 06:15.",
        "The answer is 06:15.",
      ].join("\n"),
      program: [
        "function solution() {",
        "  const departure = 22 * 60 + 40;",
        "  const duration = 7 * 60 + 35;",
        "  const arrival = (departure + duration) % (24 * 60);",
        "  const hours = String(Math.floor(arrival / 60)).padStart(2, '0');",
        "  const minutes = String(arrival % 60).padStart(2, '0');",
        "  return hours + ':' + minutes;",
        "}",
      ].join("\n"),
      answer: "06:15",
    },
  ],
});

/**
 * The exemplars to show: a built-in set's name, or a caller's own list.
 *
 * @throws {InvalidOptionError} for an unknown set's name or a malformed exemplar.
 */
export function resolveExemplars(examples: string | readonly Exemplar[]): readonly Exemplar[] {
  if (typeof examples === "string") {
    const set = EXEMPLAR_SETS[examples];
    if (!set) {
      throw new InvalidOptionError(
        "examples",
        examples,
        `one of ${Object.keys(EXEMPLAR_SETS).join(", ")}, or a list of exemplars`,
      );
    }
    return set;
  }
  examples.forEach((exemplar, index) => {
    for (const field of ["question", "reasoning", "program", "answer"] as const) {
      if (typeof exemplar?.[field] !== "string") {
        throw new InvalidOptionError(`examples[${index}].${field}`, exemplar?.[field], "a string");
      }
    }
  });
  return examples;
}
