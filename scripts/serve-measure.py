#!/usr/bin/env python3
# Edit-to-reload time of `qanda serve` and wrk under load during the rebuild, on a site folder (restores the file).
# Usage: scripts/serve-measure.py SITE PORT   (needs the release binary in .build-bench: make bench builds it; and wrk)
import subprocess, time, socket, threading, sys, os, urllib.request
site, port = sys.argv[1], int(sys.argv[2])
binary = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.build-bench', 'release', 'qanda')
proc = subprocess.Popen([binary, 'serve', '--site', site, '--port', str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
# wait for first build
start = time.time()
while True:
    try:
        urllib.request.urlopen(f'http://127.0.0.1:{port}/', timeout=2).read(); break
    except Exception:
        time.sleep(0.5)
        if time.time() - start > 300: print('timeout'); proc.kill(); sys.exit(1)
print('first build ready after %.1f s' % (time.time() - start))
events = []
def listen():
    s = socket.create_connection(('127.0.0.1', port))
    s.sendall(f'GET /__qanda/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n'.encode())
    buf = b''
    while True:
        data = s.recv(4096)
        if not data: break
        buf += data
        while b'\n\n' in buf:
            chunk, buf = buf.split(b'\n\n', 1)
            if b'event: reload' in chunk: events.append(time.time())
threading.Thread(target=listen, daemon=True).start()
time.sleep(1)
qdir = os.path.join(site, 'Content', 'questions')
thread = sorted(os.listdir(qdir))[0]
answer = [f for f in sorted(os.listdir(os.path.join(qdir, thread))) if f != 'question.md'][0]
path = os.path.join(qdir, thread, answer)
original = open(path).read()
# wrk during the rebuild
page = f'http://127.0.0.1:{port}/questions/{thread}/'
saved = time.time()
open(path, 'w').write(original + '\nAn edit for the measurement.\n')
wrk = subprocess.run(['wrk', '-c', '64', '-d', '10s', '--latency', page], capture_output=True, text=True)
while not events and time.time() - saved < 120: time.sleep(0.05)
print('save -> reload event: %.3f s' % (events[0] - saved if events else -1))
print(wrk.stdout)
open(path, 'w').write(original)
time.sleep(1)
proc.send_signal(2); proc.wait(timeout=30)
