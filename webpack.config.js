/* eslint-disable */
/**
 * Builds the add-in into dist/:
 *   taskpane.html  the one page of the shared runtime: loads office.js, the task pane bundle and the
 *                  custom-functions bundle (Microsoft's shared-runtime template layout)
 *   taskpane.js    React task pane (src/taskpane/index.tsx)
 *   functions.js   custom functions: src/functions/functions.ts + every .ts file in src/functions/formulas/
 *   functions.json metadata generated from the formulas' JSDoc by custom-functions-metadata-plugin
 *   manifest.xml, assets/  copied
 *
 * Dev certificates are asked for only under `webpack serve` (building never needs them): HTTPS when
 * certificates exist (~/.office-addin-dev-certs or office-addin-dev-certs installed), else plain HTTP
 * with a note on how to get HTTPS (Office requires it for sideloading).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_PORT = Number(process.env.NQP_DEV_PORT || 3000);
const FORMULA_DIR = path.join(__dirname, "src", "functions", "formulas");

/** Every formula file, read at build time: adding a file to src/functions/formulas/ is enough. */
function formulaFiles() {
  return fs
    .readdirSync(FORMULA_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.endsWith(".test.ts"))
    .sort()
    .map((f) => path.join(FORMULA_DIR, f));
}

/** HTTPS options for the dev server, or null when no certificate is available. */
async function devHttpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const crt = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (fs.existsSync(crt) && fs.existsSync(key)) {
    return { cert: fs.readFileSync(crt), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) };
  }
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    return null;
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const formulas = formulaFiles();
  let server = undefined;
  if (serving) {
    const https = await devHttpsOptions();
    if (https) {
      server = { type: "https", options: https };
    } else {
      console.warn(
        "\n[nqp] No dev certificate found: serving over plain HTTP at http://localhost:" + DEV_PORT + ".\n" +
          "      Office loads add-ins only over HTTPS. To sideload, run `npx office-addin-dev-certs install`\n" +
          "      once (Windows/Mac), then `npm start` again. On Linux use Excel on the web with a deployed\n" +
          "      (HTTPS) copy of dist/; see README, 'Task pane and sideloading'.\n",
      );
      server = { type: "http" };
    }
  }

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: ["./src/functions/functions.ts", ...formulas],
      // The task pane's engine runs in this Web Worker (src/taskpane/worker/client.ts loads engine-worker.js).
      "engine-worker": "./src/taskpane/worker/engine.worker.ts",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // The engine is pure TypeScript; Node built-ins are only used by the CLI and must not reach the bundle.
      fallback: { fs: false, path: false, os: false, child_process: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only transpiles. ES modules (not the
          // CommonJS of tsconfig.json, which jest and tsx use) let webpack tree-shake Fluent UI.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: dev } } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: formulas }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/index.html",
        // Shared runtime: the task pane page also hosts the custom functions.
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.join(__dirname, "dist") },
      server,
    },
  };
};
