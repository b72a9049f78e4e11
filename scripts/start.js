/**
 * `npm start`: the dev server, plus sideloading where desktop Excel exists.
 *   Windows / macOS: office-addin-debugging (fetched by npx on first use; it is not a dependency because
 *     it needs native keytar builds on Linux) starts `npm run dev-server` and sideloads manifest.xml.
 *     Set NQP_NO_SIDELOAD=1 to only serve.
 *   Linux (no desktop Excel): serves dist/ at localhost:3000 and prints how to load the add-in
 *     into Excel on the web.
 */
const { spawn } = require("child_process");

const desktop = process.platform === "win32" || process.platform === "darwin";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (desktop && !process.env.NQP_NO_SIDELOAD) {
  run(npx, ["--yes", "office-addin-debugging", "start", "manifest.xml"]);
} else {
  console.log(
    [
      "",
      "[nqp] Desktop Excel is not available on this platform: serving the add-in only.",
      "      To use it in Excel on the web: open a workbook, Home > Add-ins > More Add-ins >",
      "      Upload My Add-in (or Insert > Add-ins > Upload My Add-in), choose manifest.xml.",
      "      Excel on the web loads https://localhost:3000 from your browser: trust the dev certificate",
      "      (`npx office-addin-dev-certs install`) or host dist/ on an HTTPS server and edit the URLs",
      "      in manifest.xml. Stop with Ctrl+C.",
      "",
    ].join("\n"),
  );
  run(npm, ["run", "dev-server"]);
}
