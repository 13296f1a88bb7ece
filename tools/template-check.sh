#!/usr/bin/env bash
# BddWs as a team uses it, from this checkout and the package registry only: pack the libraries
# and the template into a local folder, install the template, create a suite with
# `dotnet new bddws`, add a sentence of the team's own, run the suite against the bundled server
# (started with `dotnet run --project server`), and check that it passed, that the report and the
# catalog were written, and that the catalog lists the team's sentence. Then create a second suite
# with `--service` for tests/SampleService, write features for it, and run plain `dotnet test`
# there: nothing started by hand, no BDDWS_SERVER_URL; it must pass and write its report, and a
# failing scenario must show the lines the service logged. Then a third suite with `--apphost` for
# tests/SampleAppHost (an Aspire AppHost running tests/SampleService as the resource "sample"): the
# same features, plain `dotnet test`, the AppHost started by the suite; a failing scenario must show
# the lines the resource wrote. Uninstalls the template.
# The template's installation and the package cache live in the check's own folder, so the check
# never touches the machine's package cache or another run's templates.
# Usage: tools/template-check.sh   (exit 0 when all of that holds)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
feed=$work/feed
suite=$work/TeamSpecs
server_pid=
export DOTNET_CLI_HOME=$work/cli-home NUGET_PACKAGES=$work/packages DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# A check that passed leaves nothing behind (its package cache alone is near 2 GB); one that failed
# keeps its folder, named at the top, to be looked at.
cleanup() {
  local status=$?
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  dotnet new uninstall BddWs.Templates >/dev/null 2>&1 || true
  if ((status == 0)); then rm -rf "$work"; fi
}
trap cleanup EXIT

echo "+ pack into $feed"
# Each pack has a version of its own, and the package cache is the check's own (NUGET_PACKAGES).
dotnet pack -c Release -o "$feed" --nologo -v quiet

echo "+ dotnet new install, dotnet new bddws"
dotnet new install "$feed"/BddWs.Templates.*.nupkg >/dev/null
dotnet new bddws -o "$suite" >/dev/null
grep -qx "reports/" "$suite/.gitignore" || { echo "template check: the new suite has no .gitignore for reports/" >&2; exit 1; }
local_feed() {
  cat >"$1/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="bddws-local" value="$feed" />
  </packageSources>
</configuration>
EOF
}
local_feed "$suite"

echo "+ a sentence of the team's own"
cat >"$suite/StepDefinitions/PoliteSteps.cs" <<'EOF'
using BddWs.Driver;
using BddWs.StepDefinitions;
using Reqnroll;

namespace TeamSpecs.StepDefinitions;

/// <summary>Manners: how our team greets the service.</summary>
[Binding]
public sealed class PoliteSteps(ScenarioConnections connections)
{
    /// <summary>Sends "Good morning" on the scenario's connection.</summary>
    /// <example>When I greet the service politely</example>
    [When("I greet the service politely")]
    public Task GreetPolitely() => connections[ConnectionName.Default].SendAsync(WebSocketMessage.FromText("Good morning"));
}
EOF
cat >"$suite/features/manners.feature" <<'EOF'
Feature: Manners

  Scenario: A polite greeting is answered
    Given I am connected to the echo server
    When I greet the service politely
    Then I receive a message containing "Good morning"
    And I am greeted by the service
EOF

echo "+ the bundled server, started on its own"
log=$work/server.log
dotnet run --project "$repo/server" -- --urls http://127.0.0.1:0 >"$log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 120))
until grep -qm1 "Now listening on: " "$log"; do
  ((SECONDS < deadline)) || { echo "the server did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
url=$(grep -m1 "Now listening on: " "$log" | sed 's/.*Now listening on: //; s/^http/ws/' | tr -d '\r')/ws

echo "+ dotnet test in the new suite, against $url"
(cd "$suite" && BDDWS_SERVER_URL=$url dotnet test)

for file in reports/living-doc.html reports/living-doc/echo.html reports/step-catalog.html; do
  [ -s "$suite/$file" ] || { echo "template check: $file was not written" >&2; exit 1; }
done
grep -q "I greet the service politely" "$suite/reports/step-catalog.html" ||
  { echo "template check: the catalog does not list the team's sentence" >&2; exit 1; }
grep -q "I receive a message containing" "$suite/reports/step-catalog.html" ||
  { echo "template check: the catalog does not list the BddWs sentences" >&2; exit 1; }

echo "+ the product owner's loop in the new suite: dotnet bddws watch, through scripted saves"
BDDWS_SERVER_URL=$url tools/watch-check.sh "$suite" features/echo.feature ""
echo "template check: the new suite passed; report, catalog and the team's sentence are there"

echo "+ a suite for the team's own service: dotnet new bddws --service tests/SampleService/SampleService.csproj"
kill "$server_pid" 2>/dev/null || true
server_pid=
hosted=$work/ServiceSpecs
dotnet new bddws -o "$hosted" --service tests/SampleService/SampleService.csproj >/dev/null
local_feed "$hosted"
grep -q 'SampleService.csproj' "$hosted/features/ServiceSpecs.csproj" ||
  { echo "template check: --service did not add the reference to the service" >&2; exit 1; }
sed -i 's#Path = "/"#Path = "/shout"#' "$hosted/features/ServiceHosting.cs"
rm "$hosted/features/service.feature"
# Keywords mixed on purpose, as people write them: any keyword works before any sentence.
cat >"$hosted/features/shout.feature" <<'EOF'
Feature: Shouting
  The service answers every message in capitals.

  Scenario: A message comes back in capitals
    * I am connected
    Then I send "hello there"
    When I receive the message "HELLO THERE"

  Scenario: Two people shout at once
    Given "Ann" is connected to "/shout"
    When "Ben" is connected to "/shout"
    And "Ann" sends "one"
    But "Ben" sends "two"
    Given "Ann" receives the message "ONE"
    * "Ben" receives the message "TWO"
EOF
cat >"$hosted/features/greetings.feature" <<'EOF'
Feature: Greetings
  The greetings hub greets by name and tells everyone who arrived; the about page says how it greets.

  Scenario: The hub greets by name
    Given I am connected to the hub "/hubs/greetings"
    When I invoke Greet("Ada")
    Then the invocation returns "Hello, Ada!"

  Scenario: Everyone hears who arrived
    Given "Ann" is connected to the hub "/hubs/greetings"
    And "Ben" is connected to the hub "/hubs/greetings"
    When "Ann" invokes Announce("Cleo")
    Then "Ben" receives Arrived("Cleo")

  Scenario: The about page answers in JSON
    Given I send a GET request to "/about"
    When the response status is 200
    * the response JSON "$.greeting" is "Hello, visitor!"
EOF

echo "+ dotnet test in the hosted suite, with nothing started by hand, writing TRX for CI"
(cd "$hosted" && env -u BDDWS_SERVER_URL dotnet test --logger trx --results-directory TestResults)
[ -s "$hosted/reports/living-doc.html" ] ||
  { echo "template check: the hosted suite wrote no report" >&2; exit 1; }
ls "$hosted"/TestResults/*.trx >/dev/null 2>&1 || { echo "template check: the hosted suite wrote no TRX results" >&2; exit 1; }

echo "+ the product owner's loop in the hosted suite: dotnet bddws watch, through scripted saves"
env -u BDDWS_SERVER_URL tools/watch-check.sh "$hosted" features/shout.feature ""

echo "+ JUnit XML for CI: dotnet bddws run -- -junit"
(cd "$hosted" && env -u BDDWS_SERVER_URL dotnet bddws run -- -junit TestResults/junit.xml)
grep -q 'Two people shout at once' "$hosted/TestResults/junit.xml" ||
  { echo "template check: dotnet bddws run wrote no JUnit results" >&2; exit 1; }

echo "+ a failing scenario shows what the service logged"
cat >"$hosted/features/failing.feature" <<'EOF'
Feature: Failing on purpose

  Scenario: An expectation written wrong
    Given I am connected
    When I send "logged line"
    Then I receive the message "not what comes back"
EOF
failed=$work/failing.log
if (cd "$hosted" && env -u BDDWS_SERVER_URL dotnet test --filter "FullyQualifiedName~Failing" >"$failed" 2>&1); then
  echo "template check: the failing scenario passed" >&2; exit 1
fi
grep -q "The service logged .* while this scenario ran" "$failed" && grep -q "Shouting back logged line" "$failed" ||
  { echo "template check: the failure does not show the service's log lines:" >&2; cat "$failed" >&2; exit 1; }
echo "template check: the suite made with --service hosted its service itself and passed; a failure shows the service's log"

echo "+ a suite for the team's Aspire AppHost: dotnet new bddws --apphost tests/SampleAppHost/SampleAppHost.csproj --resource sample"
aspire=$work/AppHostSpecs
dotnet new bddws -o "$aspire" --apphost tests/SampleAppHost/SampleAppHost.csproj --resource sample >/dev/null
local_feed "$aspire"
grep -q 'SampleAppHost.csproj' "$aspire/features/AppHostSpecs.csproj" ||
  { echo "template check: --apphost did not add the reference to the AppHost" >&2; exit 1; }
grep -q 'typeof(Projects.SampleAppHost), Resource = "sample"' "$aspire/features/AppHostHosting.cs" ||
  { echo "template check: --apphost did not write the line naming the AppHost and its resource" >&2; exit 1; }
sed -i 's#Path = "/"#Path = "/shout"#' "$aspire/features/AppHostHosting.cs"
rm "$aspire/features/service.feature"
cp "$hosted/features/shout.feature" "$hosted/features/greetings.feature" "$aspire/features/"

echo "+ dotnet test in the AppHost suite, with nothing started by hand"
(cd "$aspire" && env -u BDDWS_SERVER_URL dotnet test)
[ -s "$aspire/reports/living-doc.html" ] ||
  { echo "template check: the AppHost suite wrote no report" >&2; exit 1; }

echo "+ a failing scenario shows what the resource wrote"
cp "$hosted/features/failing.feature" "$aspire/features/"
failed=$work/failing-apphost.log
if (cd "$aspire" && env -u BDDWS_SERVER_URL dotnet test --filter "FullyQualifiedName~Failing" >"$failed" 2>&1); then
  echo "template check: the failing scenario passed in the AppHost suite" >&2; exit 1
fi
grep -q "The service logged .* while this scenario ran" "$failed" && grep -q "Shouting back logged line" "$failed" ||
  { echo "template check: the failure does not show the resource's lines:" >&2; cat "$failed" >&2; exit 1; }
echo "template check: the suite made with --apphost started the AppHost itself and passed; a failure shows the resource's lines"
