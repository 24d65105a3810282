# Sourced by ./capex-watch and .ci/run: exports JAVA_HOME pointing at a JDK >= 21, or stops with a message.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm (newest first).
capexwatch_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}
capexwatch_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(capexwatch_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME=$(cd "$(dirname "$(readlink -f "$candidate")")/.." && pwd)
      export JAVA_HOME
      return 0
    fi
  done
  echo "capex-watch needs a JDK 21 or newer: set JAVA_HOME to one (found none on PATH or under /usr/lib/jvm)." >&2
  return 1
}
capexwatch_select_jdk
