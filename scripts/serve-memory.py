#!/usr/bin/env python3
# Resident memory of `qanda serve` over many rebuilds: saves an answer N times (waiting for each reload) and
# prints the RSS every N/10 saves; restores the file. Usage: scripts/serve-memory.py SITE PORT [N]
#   QANDA_BIN: the binary (default: .build-bench/release/qanda).
import os, socket, subprocess, sys, threading, time, urllib.request

site, port = sys.argv[1], int(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 300
binary = os.environ.get('QANDA_BIN') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.build-bench', 'release', 'qanda')
proc = subprocess.Popen([binary, 'serve', '--site', site, '--port', str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def rss_mib():
    for line in open(f'/proc/{proc.pid}/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
while True:
    try:
        urllib.request.urlopen(f'http://127.0.0.1:{port}/', timeout=2).read(); break
    except Exception:
        time.sleep(0.3)
events = []
def listen():
    s = socket.create_connection(('127.0.0.1', port))
    s.sendall(b'GET /__qanda/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    while True:
        data = s.recv(4096)
        if not data: break
        events.extend([1] * data.count(b'event: reload'))
threading.Thread(target=listen, daemon=True).start()
time.sleep(0.5)
qdir = os.path.join(site, 'Content', 'questions')
thread = sorted(os.listdir(qdir))[0]
path = os.path.join(qdir, thread, [f for f in sorted(os.listdir(os.path.join(qdir, thread))) if f != 'question.md' and f.endswith('.md')][0])
original = open(path).read()
print('after first build: %.0f MiB' % rss_mib())
try:
    for n in range(1, count + 1):
        seen = len(events)
        open(path, 'w').write(original + f'\nSave {n}.\n')
        deadline = time.time() + 60
        while len(events) == seen and time.time() < deadline:
            time.sleep(0.005)
        if n % max(1, count // 10) == 0:
            print('after %d rebuilds: %.0f MiB' % (n, rss_mib()), flush=True)
finally:
    open(path, 'w').write(original)
    proc.send_signal(2); proc.wait(timeout=30)
