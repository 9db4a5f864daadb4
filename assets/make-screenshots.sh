#!/usr/bin/env bash
# Writes assets/screenshots/*.png: the app on the bundled sample, one picture per view, in a real
# window under Xvfb. Needs: xvfb, libgtk-3-0 (apt-get install xvfb libgtk-3-0 libxtst6 libgl1).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile
CP="target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw -cp "$CP" encore.ui.ScreenshotTour assets/screenshots
