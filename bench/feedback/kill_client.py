#!/usr/bin/env python3
"""Sends feedback over many keep-alive connections until told to stop, writing every id answered 202 to a file at
once (flushed line by line), so that a SIGKILL of the server mid-run leaves an exact list of what was acknowledged.
Usage: kill_client.py BASE_URL KEY IDS_FILE SECONDS [CONNECTIONS]"""
import asyncio, json, sys, time, urllib.parse

base, key, ids_path, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
connections = int(sys.argv[5]) if len(sys.argv) > 5 else 32
url = urllib.parse.urlparse(base)
counts = {"sent": 0, "202": 0, "other": 0, "errors": 0}


async def worker(n, out, deadline):
    i = 0
    while time.monotonic() < deadline:
        try:
            reader, writer = await asyncio.open_connection(url.hostname, url.port)
        except OSError:
            counts["errors"] += 1
            await asyncio.sleep(0.05)
            continue
        try:
            while time.monotonic() < deadline:
                i += 1
                body = json.dumps({"rating": (i % 5) + 1, "taskCompleted": "yes", "comment": f"kill test {n}-{i}", "language": "ja"}).encode()
                writer.write(f"POST /api/v1/services/{key}/feedback HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
                             f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                await writer.drain()
                counts["sent"] += 1
                status = int((await reader.readline()).split()[1])
                length, chunked = 0, False
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode().partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                    elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
                        chunked = True
                if chunked:
                    payload = b""
                    while (size := int((await reader.readline()).strip(), 16)) > 0:
                        payload += await reader.readexactly(size)
                        await reader.readline()
                    await reader.readline()
                else:
                    payload = await reader.readexactly(length)
                if status == 202:
                    out.write(json.loads(payload)["id"] + "\n")
                    out.flush()
                    counts["202"] += 1
                else:
                    counts["other"] += 1
        except (OSError, asyncio.IncompleteReadError, IndexError, ValueError) as e:
            if counts["errors"] == 0:
                print("first connection error (expected once the server is killed):", repr(e), file=sys.stderr)
            counts["errors"] += 1
            await asyncio.sleep(0.05)
        finally:
            writer.close()


async def main():
    deadline = time.monotonic() + seconds
    with open(ids_path, "w") as out:
        await asyncio.gather(*(worker(n, out, deadline) for n in range(connections)))
    print(json.dumps(counts))


asyncio.run(main())
