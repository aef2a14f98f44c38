// Preloaded into a child `orgctl` (`node -r rss-probe.cjs …`): when the process exits, writes its
// peak resident set size in KiB (process.resourceUsage().maxRSS) to the file ORGCTL_RSS_FILE names.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.ORGCTL_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
