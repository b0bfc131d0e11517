"""Reads a BLE capture (Gatehouse's JSONL or a btsnoop recording) into adverts, as a second reader
independent of the C++ one (app/ble/CaptureReader): the fake BlueZ plays what it reads here.

Formats: ../shared/formats/ble-capture.md. btsnoop: BlueZ src/shared/btsnoop.h (header, records,
datalinks 1001, 1002, 2001); HCI LE Advertising Report and LE Extended Advertising Report: Bluetooth
Core 5.3, Vol 4, Part E, 7.7.65.2 and 7.7.65.13. AD structures: Core Supplement, Part A.
"""

import json
import struct
from dataclasses import dataclass, field

BTSNOOP_MAGIC = b"btsnoop\0"
# Microseconds from 0000-01-01 to 1970-01-01 in btsnoop time (BlueZ src/shared/btsnoop.c).
BTSNOOP_EPOCH_DELTA_US = 0x00DCDDB30F2F8000
BASE_UUID_TAIL = "-0000-1000-8000-00805f9b34fb"


@dataclass
class Advert:
    """One advertising report with its scan response, decoded as BlueZ's eir.c decodes it."""

    t: int  # milliseconds, as the capture gives them
    addr: str  # "AA:BB:CC:DD:EE:FF"
    rssi: int  # dBm; 127 = not available
    name: str = None
    name_complete: bool = False
    uuids: list = field(default_factory=list)  # 128-bit, lower case, canonical
    svc: dict = field(default_factory=dict)  # uuid128 -> bytes
    mfr: dict = field(default_factory=dict)  # company id -> bytes
    tx: int = None
    flags: int = None


def uuid128(text):
    """A 16-bit ("4e56"), 32-bit or 128-bit UUID in BlueZ's lower-case 128-bit form."""
    text = text.strip().lower()
    if len(text) <= 8:
        return f"{int(text, 16):08x}{BASE_UUID_TAIL}"
    return text


def _uuid_from_le(data):
    """A UUID in an AD structure (little-endian) as 128-bit text."""
    if len(data) in (2, 4):
        return f"{int.from_bytes(data, 'little'):08x}{BASE_UUID_TAIL}"
    h = data[::-1].hex()
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def decode_ad(advert, data):
    """Adds the AD structures of data to advert; stops at a malformed one, keeping what came before."""
    i = 0
    while i < len(data):
        length = data[i]
        if length == 0 or i + 1 + length > len(data):
            return
        kind, value = data[i + 1], data[i + 2:i + 1 + length]
        i += 1 + length
        if kind == 0x01 and value:
            advert.flags = value[0]
        elif kind in (0x02, 0x03, 0x04, 0x05, 0x06, 0x07):
            size = {0x02: 2, 0x03: 2, 0x04: 4, 0x05: 4, 0x06: 16, 0x07: 16}[kind]
            for k in range(0, len(value) - size + 1, size):
                uuid = _uuid_from_le(value[k:k + size])
                if uuid not in advert.uuids:
                    advert.uuids.append(uuid)
        elif kind in (0x08, 0x09):
            # BlueZ keeps a complete name over a shortened one (eir.c, adapter.c).
            if kind == 0x09 or not advert.name_complete:
                advert.name = value.decode("utf-8", "replace")
                advert.name_complete = kind == 0x09
        elif kind == 0x0A and value:
            advert.tx = struct.unpack("b", value[:1])[0]
        elif kind in (0x16, 0x20, 0x21):
            size = {0x16: 2, 0x20: 4, 0x21: 16}[kind]
            if len(value) >= size:
                advert.svc[_uuid_from_le(value[:size])] = bytes(value[size:])
        elif kind == 0xFF and len(value) >= 2:
            advert.mfr[int.from_bytes(value[:2], "little")] = bytes(value[2:])


def _address_text(little_endian):
    return ":".join(f"{b:02X}" for b in little_endian[::-1])


def read_jsonl(path):
    """Adverts of a JSONL capture; bad lines are skipped, as the C++ reader does."""
    adverts = []
    with open(path, "rb") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict):
                continue
            t, addr, rssi = record.get("t"), record.get("addr"), record.get("rssi")
            if not isinstance(t, int) or not isinstance(addr, str) or not isinstance(rssi, int) \
                    or isinstance(t, bool) or isinstance(rssi, bool) or len(addr) != 17:
                continue
            advert = Advert(t=t, addr=addr.upper(), rssi=rssi)
            try:
                if isinstance(record.get("ad"), str):
                    decode_ad(advert, bytes.fromhex(record["ad"]))
                if isinstance(record.get("name"), str):
                    advert.name, advert.name_complete = record["name"], True
                for uuid in record.get("uuids") or []:
                    if uuid128(uuid) not in advert.uuids:
                        advert.uuids.append(uuid128(uuid))
                for uuid, data in (record.get("svc") or {}).items():
                    advert.svc[uuid128(uuid)] = bytes.fromhex(data)
                for company, data in (record.get("mfr") or {}).items():
                    advert.mfr[int(company, 16)] = bytes.fromhex(data)
                if isinstance(record.get("tx"), int):
                    advert.tx = record["tx"]
            except (ValueError, AttributeError, TypeError):
                continue
            adverts.append(advert)
    return adverts


def _reports(event, time_ms, fragments):
    """The (kind, address, rssi, data) of an LE Meta event's advertising reports."""
    if len(event) < 4 or event[0] != 0x3E or event[2] not in (0x02, 0x0D):
        return []
    subevent, end = event[2], min(len(event), 2 + event[1])
    p, count, reports = 4, event[3], []
    for _ in range(count):
        if subevent == 0x02:
            if end - p < 10 or end - p < 10 + event[p + 8]:
                return reports
            length = event[p + 8]
            data = event[p + 9:p + 9 + length]
            rssi = struct.unpack("b", event[p + 9 + length:p + 10 + length])[0]
            reports.append((event[p] == 0x04, _address_text(event[p + 2:p + 8]), rssi, data))
            p += 10 + length
            continue
        if end - p < 24 or end - p < 24 + event[p + 23]:
            return reports
        kind = event[p] | event[p + 1] << 8
        address = _address_text(event[p + 3:p + 9])
        rssi = struct.unpack("b", event[p + 13:p + 14])[0]
        data = fragments.pop(address, b"") + event[p + 24:p + 24 + event[p + 23]]
        p += 24 + event[p + 23]
        if (kind >> 5) & 3 == 1:
            fragments[address] = data  # more to come
            continue
        reports.append((bool(kind & 0x08), address, rssi, data))
    return reports


def read_btsnoop(path):
    """Adverts of a btsnoop recording: a scan response joins the last advert of its address."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:8] != BTSNOOP_MAGIC or len(raw) < 16:
        raise ValueError(f"{path} is not a btsnoop file")
    datalink = struct.unpack(">I", raw[12:16])[0]
    adverts, fragments, at = [], {}, 16
    pending = {}  # address -> index of its last advert, until another report comes
    last_data = {}  # address -> the data of its last advert
    while at + 24 <= len(raw):
        included, flags = struct.unpack(">II", raw[at + 4:at + 12])
        stamp = struct.unpack(">q", raw[at + 16:at + 24])[0]
        packet = raw[at + 24:at + 24 + included]
        at += 24 + included
        if len(packet) < included:
            break
        if datalink == 1002 and packet[:1] == b"\x04":
            event = packet[1:]
        elif datalink == 1001 and flags & 3 == 3:
            event = packet
        elif datalink == 2001 and flags & 0xFFFF == 3:
            event = packet
        else:
            continue
        time_ms = (stamp - BTSNOOP_EPOCH_DELTA_US) // 1000
        for scan_response, address, rssi, data in _reports(event, time_ms, fragments):
            if scan_response and address in pending:
                decode_ad(adverts[pending.pop(address)], data)
                continue
            advert = Advert(t=time_ms, addr=address, rssi=rssi)
            if scan_response:
                # Its advert was not heard right before: joined with the last one of the address.
                data = last_data.get(address, b"") + data
            else:
                last_data[address] = data
            decode_ad(advert, data)
            adverts.append(advert)
            pending = {} if scan_response else {address: len(adverts) - 1}
    return adverts


def read(path):
    """Adverts of a capture, told apart by its first bytes as Gatehouse does."""
    with open(path, "rb") as f:
        head = f.read(8)
    return read_btsnoop(path) if head == BTSNOOP_MAGIC else read_jsonl(path)
