#!/usr/bin/env bash
# Key press to updated screen: how long a student waits between pressing space (one step) and
# seeing the new step on the run screen of
#   dotnet src/IpcLab/bin/Release/net10.0/ipclab.dll tui lessons/bounded-buffer.ipl
# in a real 120x40 terminal (tmux). The figure includes tmux passing the key on and the pane being
# read back, so it is an upper bound on the program's own time.
#
# One private tmux server (its own socket, no user config) opens a detached 120x40 session running
# the program; once the run screen shows step 0, space is sent PRESSES times (default 30), each
# after the previous step is on the screen; the pane is captured every ~2 ms until the header reads
# "step N". The first WARMUP presses (default 5) are not counted (they include the JIT of the
# step path). Prints p50, p90 and the largest. A press whose step does not show within TIMEOUT_MS
# (default 5000) fails the script (exit 1). Needs the program built (make bench-tui-key builds it).
#
# Environment: DOTNET (default dotnet), PRESSES, WARMUP, TIMEOUT_MS, TUI_ARGS (added to the command),
# DLL (the program to start; default the plain Release build, src/IpcLab/bin/Release/net10.0/ipclab.dll;
# make bench-tui-key passes the ReadyToRun copy that make run starts).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOTNET=${DOTNET:-dotnet}
PRESSES=${PRESSES:-30}
WARMUP=${WARMUP:-5}
TIMEOUT_MS=${TIMEOUT_MS:-5000}
TUI_ARGS=${TUI_ARGS:-}
DLL=${DLL:-src/IpcLab/bin/Release/net10.0/ipclab.dll}
LESSON=lessons/bounded-buffer.ipl

cd "$ROOT"
command -v tmux >/dev/null 2>&1 || { echo "key-press: tmux is needed (make tmux installs it)" >&2; exit 1; }
[ -f "$DLL" ] || { echo "key-press: $DLL is not built; run: $DOTNET build IpcLab.sln -c Release" >&2; exit 1; }
DOTNET_PATH=$(command -v "$DOTNET")

socket="ipclab-key-press-$$"
session="key-press-$$"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() {
    tm kill-server >/dev/null 2>&1 || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
}
trap cleanup EXIT

now_us() { echo "${EPOCHREALTIME/[.,]/}"; }

# Waits until the pane's header reads "step $1 ·"; prints the microseconds it took from $2.
wait_for_step() {
    local step=$1 start=$2 screen t
    while :; do
        screen=$(tm capture-pane -p -t "$session" 2>/dev/null || true)
        t=$(now_us)
        if [[ $screen == *"step $step ·"* ]]; then
            echo $(( t - start ))
            return 0
        fi
        if (( (t - start) / 1000 >= TIMEOUT_MS )); then
            echo "key-press: step $step did not show within $TIMEOUT_MS ms; last screen:" >&2
            printf '%s\n' "$screen" >&2
            return 1
        fi
        sleep 0.002
    done
}

tm new-session -d -s "$session" -x 120 -y 40 -c "$ROOT" "exec '$DOTNET_PATH' '$DLL' tui '$LESSON' $TUI_ARGS"
wait_for_step 0 "$(now_us)" >/dev/null

times=()
for ((press = 1; press <= PRESSES; press++)); do
    start=$(now_us)
    tm send-keys -t "$session" Space
    us=$(wait_for_step "$press" "$start")
    if (( press > WARMUP )); then
        times+=("$(( us / 1000 ))")
    fi
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
pick() { awk -v p="$1" '{ v[NR] = $1 } END { i = int((NR * p + 99) / 100); if (i < 1) i = 1; print v[i] }' <<<"$sorted"; }
echo "key press to updated screen (120x40, $LESSON${TUI_ARGS:+ $TUI_ARGS}, space, $(( PRESSES - WARMUP )) presses after $WARMUP): p50 $(pick 50) ms, p90 $(pick 90) ms, max $(pick 100) ms"
