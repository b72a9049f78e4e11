/**
 * Chart model -> SVG (Apache ECharts server-side rendering, pure JavaScript) and SVG -> PNG (resvg,
 * whose npm package ships a prebuilt binary per platform: no build step).
 */
import type * as EChartsModule from "echarts";
import { Chart } from "../charts/chart";
import { chartOption } from "./echarts-option";

export function renderSvg(chart: Chart): string {
  // Loaded on first use: every `nqp` call would otherwise parse ECharts at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require("echarts") as typeof EChartsModule;
  const ec = echarts.init(null, null, { renderer: "svg", ssr: true, width: chart.width, height: chart.height });
  try {
    ec.setOption(chartOption(chart) as EChartsModule.EChartsOption);
    return ec.renderToSVGString();
  } finally {
    ec.dispose();
  }
}

/** PNG bytes of an SVG at `scale` x its size (default 2: sharp when shown at the SVG's size). */
export function svgToPng(svg: string, scale = 2): Buffer {
  // Loaded on first use: the task pane bundle never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  const r = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, background: "#ffffff", font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } });
  return r.render().asPng();
}

export const renderPng = (chart: Chart, scale = 2): Buffer => svgToPng(renderSvg(chart), scale);
