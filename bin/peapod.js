#!/usr/bin/env node
'use strict';
// The `peapod` command. `synth` runs first and alone: it starts the app,
// which loads Peapod itself, so nothing else is loaded before it. Every
// other command is the compiled build/scripts/peapod.js (npm run build,
// which `prepare` runs on install from a clone).
const command = process.argv[2];
if (command === 'synth') {
  require('../scripts/synth.js').main(process.argv.slice(3));
} else {
  process.exitCode = require('../build/scripts/peapod.js').main(process.argv.slice(2));
}
