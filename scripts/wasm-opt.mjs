// Part of scripts/wasm-build.sh: runs binaryen's optimizer (npm binaryen@132,
// the same as its wasm-opt) on many modules in one process, so the split
// build's hundreds of small chunks do not each pay wasm-opt's start-up.
//   node scripts/wasm-opt.mjs -O3 --enable-bulk-memory … -- a.wasm b.wasm
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";

const args = process.argv.slice(2);
const split = args.indexOf("--");
const options = args.slice(0, split);
const files = args.slice(split + 1);
// -O<n>: as wasm-opt reads it (optimize level, shrink level).
const levels = { "-O0": [0, 0], "-O1": [1, 0], "-O2": [2, 0], "-O3": [3, 0], "-O4": [4, 0], "-Os": [2, 1], "-Oz": [2, 2] };
const flag = (name) => name.replace(/^--enable-/, "").replace(/-(\w)/g, (_, c) => c.toUpperCase());
const names = {
  bulkMemory: "BulkMemory", bulkMemoryOpt: "BulkMemoryOpt", nontrappingFloatToInt: "NontrappingFPToInt",
  signExt: "SignExt", mutableGlobals: "MutableGlobals", referenceTypes: "ReferenceTypes", multivalue: "Multivalue",
};
let features = binaryen.Features.MVP;
let level = [3, 0];
for (const o of options) {
  if (levels[o]) level = levels[o];
  else if (o.startsWith("--enable-") && names[flag(o)]) features |= binaryen.Features[names[flag(o)]];
  else throw new Error(`wasm-opt.mjs: unknown option ${o}`);
}
binaryen.setOptimizeLevel(level[0]);
binaryen.setShrinkLevel(level[1]);
for (const file of files) {
  const module = binaryen.readBinary(readFileSync(file));
  module.setFeatures(features);
  module.optimize();
  writeFileSync(file, module.emitBinary());
  module.dispose();
}
