#!/usr/bin/env python3
# Edit-to-reload time of `qanda serve` and wrk under load while edits are being rebuilt, on a site folder
# (restores the file it edits).
# Usage: scripts/serve-measure.py SITE PORT [SAVES]
#   QANDA_BIN: the binary (default: .build-bench/release/qanda, which make bench builds). Needs wrk.
import os, socket, statistics, subprocess, sys, threading, time, urllib.request

site, port = sys.argv[1], int(sys.argv[2])
saves = int(sys.argv[3]) if len(sys.argv) > 3 else 10
binary = os.environ.get('QANDA_BIN') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.build-bench', 'release', 'qanda')
proc = subprocess.Popen([binary, 'serve', '--site', site, '--port', str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
start = time.time()
while True:
    try:
        urllib.request.urlopen(f'http://127.0.0.1:{port}/', timeout=2).read()
        break
    except Exception:
        time.sleep(0.5)
        if time.time() - start > 300:
            print('timeout'); proc.kill(); sys.exit(1)
print('first build ready after %.1f s' % (time.time() - start))

events = []
def listen():
    s = socket.create_connection(('127.0.0.1', port))
    s.sendall(b'GET /__qanda/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n')
    buf = b''
    while True:
        data = s.recv(4096)
        if not data:
            break
        buf += data
        while b'\n\n' in buf:
            chunk, buf = buf.split(b'\n\n', 1)
            if b'event: reload' in chunk:
                events.append(time.time())
threading.Thread(target=listen, daemon=True).start()
time.sleep(1)

qdir = os.path.join(site, 'Content', 'questions')
thread = sorted(os.listdir(qdir))[0]
answer = [f for f in sorted(os.listdir(os.path.join(qdir, thread))) if f != 'question.md' and f.endswith('.md')][0]
path = os.path.join(qdir, thread, answer)
original = open(path).read()

def save_and_wait(n):
    """Appends a sentence to the answer; returns seconds until the next reload event (-1 on timeout)."""
    seen = len(events)
    saved = time.time()
    with open(path, 'w') as f:
        f.write(original + f'\nEdit number {n} for the measurement.\n')
    while len(events) == seen and time.time() - saved < 120:
        time.sleep(0.002)
    return events[seen] - saved if len(events) > seen else -1

try:
    times = [save_and_wait(n) for n in range(saves)]
    print('save -> reload event over %d saves: median %.3f s, min %.3f s, max %.3f s'
          % (saves, statistics.median(times), min(times), max(times)))
    # wrk on a question page while the editor keeps saving (a rebuild every 0.5 s).
    page = f'http://127.0.0.1:{port}/questions/{thread}/'
    stop = threading.Event()
    during = []
    def keep_saving():
        n = 1000
        while not stop.is_set():
            during.append(save_and_wait(n)); n += 1
            time.sleep(0.5)
    saver = threading.Thread(target=keep_saving); saver.start()
    wrk = subprocess.run(['wrk', '-c', '64', '-d', '10s', '--latency', page], capture_output=True, text=True)
    stop.set(); saver.join()
    print('rebuilds during wrk: %d (median save -> reload %.3f s)' % (len(during), statistics.median(during) if during else -1))
    print(wrk.stdout)
finally:
    with open(path, 'w') as f:
        f.write(original)
    time.sleep(1)
    proc.send_signal(2)
    proc.wait(timeout=30)
