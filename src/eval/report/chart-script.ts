/**
 * The script that draws the report's charts with Chart.js from the data embedded in the
 * page: accuracy per strategy with its 95% interval, tokens per item against accuracy,
 * and the distribution of latencies. It runs in the browser.
 */
export const CHART_SCRIPT = `
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const colors = ["#2f6fde", "#e0731b", "#2a9d62", "#c0392b", "#8e44ad", "#7f8c8d"];
  const percent = (value) => Math.round(value * 1000) / 10;
  Chart.defaults.animation = false;
  Chart.defaults.font.family = "system-ui, sans-serif";

  new Chart(document.getElementById("accuracy-chart"), {
    type: "bar",
    data: {
      labels: data.summary.map((row) => row.strategy),
      datasets: [
        { label: "Accuracy (%)", data: data.summary.map((row) => percent(row.accuracy)),
          backgroundColor: data.summary.map((_, i) => colors[i % colors.length] + "cc") },
        { label: "95% interval", data: data.summary.map((row) => [percent(row.interval.low), percent(row.interval.high)]),
          backgroundColor: "#00000030", borderColor: "#000000aa", borderWidth: 1, barPercentage: 0.15, grouped: false },
      ],
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: "% correct" } } } },
  });

  new Chart(document.getElementById("tokens-chart"), {
    type: "scatter",
    data: {
      datasets: data.summary.map((row, i) => ({
        label: row.strategy,
        data: [{ x: Math.round((row.promptTokens + row.completionTokens) / Math.max(1, row.items)), y: percent(row.accuracy) }],
        backgroundColor: colors[i % colors.length], pointRadius: 7,
      })),
    },
    options: { scales: {
      x: { title: { display: true, text: "tokens per item (prompt + completion)" }, beginAtZero: true },
      y: { min: 0, max: 100, title: { display: true, text: "% correct" } } } },
  });

  const latencies = data.items.map((item) => item.latencyMs);
  const top = Math.max(1, ...latencies);
  const bins = 12;
  const width = top / bins;
  const edges = Array.from({ length: bins }, (_, i) => Math.round((i + 1) * width));
  new Chart(document.getElementById("latency-chart"), {
    type: "bar",
    data: {
      labels: edges.map((edge) => "\\u2264 " + edge + " ms"),
      datasets: data.summary.map((row, i) => ({
        label: row.strategy,
        data: edges.map((edge, b) => data.items.filter((item) => item.strategy === row.strategy
          && item.latencyMs <= edge && (b === 0 || item.latencyMs > edges[b - 1])).length),
        backgroundColor: colors[i % colors.length] + "cc",
      })),
    },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: "items" } } } },
  });
})();
`;
