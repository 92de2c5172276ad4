#!/usr/bin/env python3
"""Latency of `digits stream -` on a WAV piped in real time (Python 3 standard library only).

Writes the WAV's header, waits for the JVM and the model to start, then writes its 16-bit PCM in 20 ms chunks at the
audio's own pace, and notes when each digit line appears. A digit's latency is the wall time the line appeared
minus the end of its utterance as printed (both counted from the first audio written). The last utterance, if the
input ends inside its hangover, is printed only when the input closes, and is left out.

    benchmarks/scripts/stream_latency.py recording.wav model.digits [seconds to wait before the audio, default 10]
"""
import os
import subprocess
import sys
import threading
import time
import wave


def main():
    wav_path, model = sys.argv[1], sys.argv[2]
    wait = float(sys.argv[3]) if len(sys.argv) > 3 else 10.0
    with wave.open(wav_path) as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1:
            sys.exit(f"{wav_path}: 16-bit mono WAV needed")
        rate, frames = w.getframerate(), w.getnframes()
    data = open(wav_path, "rb").read()
    pcm = data[len(data) - 2 * frames:]
    header = data[:len(data) - 2 * frames]
    digits = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "digits")
    p = subprocess.Popen([digits, "stream", "--model", model, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
    lines = []

    def read():
        for line in p.stdout:
            lines.append((time.time(), line.decode().strip()))

    threading.Thread(target=read, daemon=True).start()
    p.stdin.write(header)
    p.stdin.flush()
    time.sleep(wait)
    chunk = 2 * rate // 50
    t0 = time.time()
    for i in range(0, len(pcm), chunk):
        p.stdin.write(pcm[i:i + chunk])
        p.stdin.flush()
        ahead = t0 + (i + chunk) / (2.0 * rate) - time.time()
        if ahead > 0:
            time.sleep(ahead)
    input_end = time.time()
    time.sleep(1.5)
    p.stdin.close()
    p.wait()
    latencies = []
    for t, line in lines:
        f = line.split()
        if len(f) >= 3 and f[0][0].isdigit() and t < input_end:
            latencies.append(1000 * (t - t0 - float(f[1])))
    if not latencies:
        sys.exit("no digits printed")
    latencies.sort()
    print(f"{len(latencies)} digits printed during the input; latency after the utterance's end: median "
          f"{latencies[len(latencies) // 2]:.0f} ms, 90th percentile {latencies[int(0.9 * len(latencies))]:.0f} ms, "
          f"max {latencies[-1]:.0f} ms")


if __name__ == "__main__":
    main()
