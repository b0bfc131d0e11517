#!/usr/bin/python3
"""A fake bluetoothd for the live tests: org.bluez on a private bus, playing a capture file as
BlueZ 5.66 (Debian 12) shows adverts to its D-Bus clients, so that Qt Bluetooth's real BlueZ
backend, and Gatehouse's code above it, run without a controller.

Runs on the bus that DBUS_SYSTEM_BUS_ADDRESS names (dbus-python's SystemBus). Commands arrive on
stdin and answers leave on stdout, one JSON object a line (`tests/fakes/FakeBluez.h` drives it):

  {"cmd": "play", "file": F, "rate": R, "gap_ms": G}
      plays the capture (JSONL or btsnoop, capture.py) R times as fast as recorded, a quiet gap
      longer than G capture ms shortened to G. Answers {"event": "playing", "segments": [[wall
      epoch ms, capture ms], ...], "rate": R}: from each segment's wall time, capture time runs at R
      from its capture time, which is how the test's clock follows the player. When done:
      {"event": "played", "adverts": N, "dropped": D, "reports": R} (dropped: heard while nobody
      discovered; reports: device found or changed, what clients were told, adverts of one device
      due at one moment being one report; late_ms_p95 and _max: how late adverts went out).
  {"cmd": "stop-play"}                    ends the capture playing now (answers "played" first)
  {"cmd": "advert", "addr": A, "rssi": N, "mfr": {...}, "svc": {...}, "uuids": [...], "name": S}
      one advert now, as a capture line has it.
  {"cmd": "gatt", "addr": A, "mode": "serve"|"hang"|"fail"|"refuse"|"stall", "id": HEX,
   "delay_ms": N}
      how the phone at A answers a GATT connection: serve the ID read (after delay_ms), let the
      read hang, fail it, refuse the connection, or never complete it.
  {"cmd": "power", "on": false|true}      the adapter switched off or on (rfkill, bluetoothctl)
  {"cmd": "remove-adapter"} / {"cmd": "add-adapter"}      the USB dongle pulled out, plugged back
  {"cmd": "end-discovery"}                discovery ends on BlueZ's side (Discovering false, every
                                          client's session dropped, as on a controller error)
  {"cmd": "refuse-discovery", "times": N} the next N StartDiscovery fail (org.bluez.Error.Failed),
                                          as when the controller will not scan
  {"cmd": "stats"}                        {"event": "stats", ...}: calls seen, devices, phones connected
                                          or connecting now, discovery

What BlueZ 5.66 does, and this fake with it (bluez src/adapter.c, src/device.c, gdbus/object.c):
- A device object appears (InterfacesAdded, with every property) at its first advert while
  discovery runs; BlueZ emits no PropertiesChanged for an interface not yet published.
- With a discovery filter set (Qt sets Transport=le), every advert updates RSSI, with no 8 dBm
  threshold (btd_adapter_update_found_device: device_set_rssi_with_delta(dev, rssi, 0)).
- ManufacturerData and ServiceData are merged by key and announced only when they change
  (bt_ad_add_manufacturer_data returns false for equal data); UUIDs are added, never removed;
  a complete name replaces a shortened one.
- Property changes of one main-loop turn leave as one PropertiesChanged (gdbus process_changes):
  adverts due at the same moment are coalesced, the latest value winning.
- A temporary device unheard for TemporaryTimeout (30 s, main.conf) is removed
  (device_disappeared). Alias is the name, or the address with dashes when there is none.
- Power off ends discovery (Discovering false, sessions dropped) and removes temporary devices;
  StartDiscovery then fails with org.bluez.Error.NotReady.
"""

import hashlib
import json
import os
import sys
import time

import dbus
import dbus.mainloop.glib
import dbus.service
from gi.repository import GLib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import capture  # noqa: E402  (the folder of this script)

OBJECT_MANAGER = "org.freedesktop.DBus.ObjectManager"
PROPERTIES = "org.freedesktop.DBus.Properties"
ADAPTER = "org.bluez.Adapter1"
DEVICE = "org.bluez.Device1"
GATT_SERVICE = "org.bluez.GattService1"
GATT_CHARACTERISTIC = "org.bluez.GattCharacteristic1"
ADAPTER_PATH = "/org/bluez/hci0"
ADAPTER_ADDRESS = "00:1A:7D:DA:71:13"
TEMPORARY_TIMEOUT_MS = 30000  # BlueZ main.conf TemporaryTimeout default
# Bluezone on iOS (BluezoneGlobal/bluezone-app ios/Scanner/AppConstant.swift): the service and the
# characteristic whose read returns the 12-byte ID (BlePeripheralManager.swift didReceiveRead).
BLUEZONE_IOS_SERVICE = "00004e56-73f5-4bc4-a12f-17d1ad07a667"
BLUEZONE_IOS_CHARACTERISTIC = "00004e56-73f5-4bc4-a12f-17d1ad07a689"
APPLE = 0x004C


def now_ms():
    return int(time.time() * 1000)


def say(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def error(name, message):
    return dbus.exceptions.DBusException(message, name=name)


class PropertyObject(dbus.service.Object):
    """An object with org.freedesktop.DBus.Properties over a dict of interfaces and values."""

    def __init__(self, bus, path, interfaces):
        super().__init__(bus, path)
        self.path = path
        self.props = interfaces  # interface -> {name: dbus value}

    @dbus.service.method(PROPERTIES, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        try:
            return self.props[interface][name]
        except KeyError:
            raise error("org.freedesktop.DBus.Error.InvalidArgs", f"No such property {name}")

    @dbus.service.method(PROPERTIES, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return dbus.Dictionary(self.props.get(interface, {}), signature="sv")

    @dbus.service.method(PROPERTIES, in_signature="ssv", out_signature="")
    def Set(self, interface, name, value):
        self.set_property(interface, name, value)

    def set_property(self, interface, name, value):
        raise error("org.bluez.Error.NotSupported", "read-only")

    @dbus.service.signal(PROPERTIES, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass

    def change(self, interface, values):
        self.props[interface].update(values)
        self.PropertiesChanged(interface, dbus.Dictionary(values, signature="sv"), dbus.Array([], signature="s"))


class Root(dbus.service.Object):
    def __init__(self, bluez):
        super().__init__(bluez.bus, "/")
        self.bluez = bluez

    @dbus.service.method(OBJECT_MANAGER, out_signature="a{oa{sa{sv}}}")
    def GetManagedObjects(self):
        self.bluez.calls["GetManagedObjects"] += 1
        return dbus.Dictionary({dbus.ObjectPath(o.path): dbus.Dictionary(o.props, signature="sa{sv}")
                                for o in self.bluez.objects()}, signature="oa{sa{sv}}")

    @dbus.service.signal(OBJECT_MANAGER, signature="oa{sa{sv}}")
    def InterfacesAdded(self, path, interfaces):
        pass

    @dbus.service.signal(OBJECT_MANAGER, signature="oas")
    def InterfacesRemoved(self, path, interfaces):
        pass


class Adapter(PropertyObject):
    def __init__(self, bluez):
        super().__init__(bluez.bus, ADAPTER_PATH, {ADAPTER: {
            "Address": dbus.String(ADAPTER_ADDRESS),
            "AddressType": dbus.String("public"),
            "Name": dbus.String("gatehouse-test"),
            "Alias": dbus.String("gatehouse-test"),
            "Class": dbus.UInt32(0x10C),
            "Powered": dbus.Boolean(True),
            "Discoverable": dbus.Boolean(False),
            "DiscoverableTimeout": dbus.UInt32(180),
            "Pairable": dbus.Boolean(True),
            "PairableTimeout": dbus.UInt32(0),
            "Discovering": dbus.Boolean(False),
            "UUIDs": dbus.Array(["00001800-0000-1000-8000-00805f9b34fb",
                                 "00001801-0000-1000-8000-00805f9b34fb"], signature="s"),
            "Modalias": dbus.String("usb:v1D6Bp0246d0542"),
        }})
        self.bluez = bluez
        self.clients = set()  # bus names with a discovery session
        self.filters = {}  # bus name -> its discovery filter
        self.refusals = 0  # StartDiscovery calls still to refuse

    def powered(self):
        return bool(self.props[ADAPTER]["Powered"])

    def discovering(self):
        return bool(self.props[ADAPTER]["Discovering"])

    def set_property(self, interface, name, value):
        if interface == ADAPTER and name == "Powered":
            self.bluez.set_power(bool(value))
        elif interface == ADAPTER and name in ("Discoverable", "Pairable", "Alias"):
            self.change(ADAPTER, {name: value})
        else:
            super().set_property(interface, name, value)

    @dbus.service.method(ADAPTER, in_signature="a{sv}", sender_keyword="sender")
    def SetDiscoveryFilter(self, properties, sender=None):
        self.bluez.calls["SetDiscoveryFilter"] += 1
        self.filters[sender] = {str(k): str(v) for k, v in properties.items()}

    @dbus.service.method(ADAPTER, out_signature="as")
    def GetDiscoveryFilters(self):
        return ["UUIDs", "RSSI", "Pathloss", "Transport", "DuplicateData", "Discoverable", "Pattern"]

    @dbus.service.method(ADAPTER, sender_keyword="sender")
    def StartDiscovery(self, sender=None):
        self.bluez.calls["StartDiscovery"] += 1
        if not self.powered():
            raise error("org.bluez.Error.NotReady", "Resource Not Ready")
        if self.refusals > 0:
            self.refusals -= 1
            raise error("org.bluez.Error.Failed", "Input/output error")
        if sender in self.clients:
            raise error("org.bluez.Error.InProgress", "Operation already in progress")
        self.clients.add(sender)
        if not self.discovering():
            self.change(ADAPTER, {"Discovering": dbus.Boolean(True)})

    @dbus.service.method(ADAPTER, sender_keyword="sender")
    def StopDiscovery(self, sender=None):
        self.bluez.calls["StopDiscovery"] += 1
        if sender not in self.clients:
            raise error("org.bluez.Error.Failed", "No discovery started")
        self.clients.discard(sender)
        if not self.clients and self.discovering():
            self.change(ADAPTER, {"Discovering": dbus.Boolean(False)})

    @dbus.service.method(ADAPTER, in_signature="o")
    def RemoveDevice(self, path):
        self.bluez.remove_device(str(path))

    def end_discovery(self):
        self.clients.clear()
        if self.discovering():
            self.change(ADAPTER, {"Discovering": dbus.Boolean(False)})


class Characteristic(PropertyObject):
    def __init__(self, device, service_path, uuid):
        path = service_path + "/char0008"
        super().__init__(device.bluez.bus, path, {GATT_CHARACTERISTIC: {
            "UUID": dbus.String(uuid),
            "Service": dbus.ObjectPath(service_path),
            "Value": dbus.Array([], signature="y"),
            "Notifying": dbus.Boolean(False),
            "Flags": dbus.Array(["read"], signature="s"),
        }})
        self.device = device
        self.hanging = []

    @dbus.service.method(GATT_CHARACTERISTIC, in_signature="a{sv}", out_signature="ay",
                         async_callbacks=("reply", "fail"))
    def ReadValue(self, options, reply, fail):
        bluez, gatt = self.device.bluez, self.device.gatt
        bluez.calls["ReadValue"] += 1
        if gatt["mode"] == "hang":
            bluez.calls["ReadValueHung"] += 1
            self.hanging.append(fail)  # until the phone disconnects
            return
        if gatt["mode"] == "fail":
            fail(error("org.bluez.Error.Failed", "Operation failed with ATT error: 0x0e"))
            return
        value = dbus.Array([dbus.Byte(b) for b in bytes.fromhex(gatt["id"])], signature="y")
        bluez.calls["ReadValueServed"] += 1
        GLib.timeout_add(max(0, gatt.get("read_delay_ms", 20)), lambda: (reply(value), False)[1])


class Service(PropertyObject):
    def __init__(self, device, uuid):
        path = device.path + "/service0007"
        super().__init__(device.bluez.bus, path, {GATT_SERVICE: {
            "UUID": dbus.String(uuid),
            "Device": dbus.ObjectPath(device.path),
            "Primary": dbus.Boolean(True),
            "Includes": dbus.Array([], signature="o"),
        }})


class Device(PropertyObject):
    def __init__(self, bluez, address):
        path = f"{ADAPTER_PATH}/dev_{address.replace(':', '_')}"
        super().__init__(bluez.bus, path, {DEVICE: {
            "Address": dbus.String(address),
            "AddressType": dbus.String("random"),
            "Alias": dbus.String(address.replace(":", "-")),
            "Paired": dbus.Boolean(False),
            "Bonded": dbus.Boolean(False),
            "Trusted": dbus.Boolean(False),
            "Blocked": dbus.Boolean(False),
            "LegacyPairing": dbus.Boolean(False),
            "Connected": dbus.Boolean(False),
            "UUIDs": dbus.Array([], signature="s"),
            "Adapter": dbus.ObjectPath(ADAPTER_PATH),
            "ServicesResolved": dbus.Boolean(False),
        }})
        self.bluez = bluez
        self.address = address
        self.last_seen_ms = 0
        self.mfr, self.svc, self.uuids, self.name = {}, {}, [], None
        self.gatt = None  # how it answers a GATT connection; None: it offers no Bluezone service
        self.service = None
        self.characteristic = None
        self.connecting = []  # the failure callbacks of Connect calls not yet answered
        self.connect_source = None  # the timer that completes an answered phone's connection

    def update(self, advert, coalesced):
        """Takes one advert; returns the Device1 properties it changed (coalesced: pending ones)."""
        changed = coalesced
        props = self.props[DEVICE]
        if advert.rssi != 127:
            changed["RSSI"] = dbus.Int16(advert.rssi)
        if advert.tx is not None:
            changed["TxPower"] = dbus.Int16(advert.tx)
        if advert.name and (advert.name_complete or self.name is None) and advert.name != self.name:
            self.name = advert.name
            changed["Name"] = dbus.String(advert.name)
            changed["Alias"] = dbus.String(advert.name)
        new_uuids = [u for u in advert.uuids if u not in self.uuids]
        if new_uuids:
            self.uuids += new_uuids
            changed["UUIDs"] = dbus.Array(self.uuids, signature="s")
        if any(self.mfr.get(k) != v for k, v in advert.mfr.items()):
            self.mfr.update(advert.mfr)
            changed["ManufacturerData"] = dbus.Dictionary(
                {dbus.UInt16(k): dbus.Array([dbus.Byte(b) for b in v], signature="y") for k, v in self.mfr.items()},
                signature="qv")
        if any(self.svc.get(k) != v for k, v in advert.svc.items()):
            self.svc.update(advert.svc)
            changed["ServiceData"] = dbus.Dictionary(
                {dbus.String(k): dbus.Array([dbus.Byte(b) for b in v], signature="y") for k, v in self.svc.items()},
                signature="sv")
        props.update(changed)
        return changed

    def bluezone_ios(self):
        """Whether its adverts show Bluezone on iOS: the 128-bit service, or Apple's overflow area."""
        apple = self.mfr.get(APPLE, b"")
        return BLUEZONE_IOS_SERVICE in self.uuids or (len(apple) == 17 and apple[0] == 0x01)

    @dbus.service.method(DEVICE, async_callbacks=("reply", "fail"))
    def Connect(self, reply, fail):
        self.bluez.calls["Connect"] += 1
        gatt = self.gatt or {"mode": "refuse"}
        if not self.bluez.adapter or not self.bluez.adapter.powered():
            fail(error("org.bluez.Error.NotReady", "Resource Not Ready"))
            return
        if self.props[DEVICE]["Connected"]:
            fail(error("org.bluez.Error.AlreadyConnected", "Already Connected"))
            return
        if gatt["mode"] == "refuse":
            GLib.timeout_add(50, lambda: (fail(error("org.bluez.Error.Failed", "le-connection-abort-by-local")),
                                          False)[1])
            return
        if gatt["mode"] == "stall":
            self.connecting.append(fail)  # the phone walked off: no connection completes
            return
        self.connecting.append(fail)
        self.connect_source = GLib.timeout_add(max(0, gatt.get("delay_ms", 100)), self._connected, reply, fail)

    def _connected(self, reply, fail):
        self.connecting.remove(fail)
        self.connect_source = None
        self.change(DEVICE, {"Connected": dbus.Boolean(True)})
        self.service = Service(self, BLUEZONE_IOS_SERVICE)
        self.characteristic = Characteristic(self, self.service.path, BLUEZONE_IOS_CHARACTERISTIC)
        for obj in (self.service, self.characteristic):
            self.bluez.root.InterfacesAdded(obj.path, dbus.Dictionary(obj.props, signature="sa{sv}"))
        self.change(DEVICE, {"ServicesResolved": dbus.Boolean(True)})
        reply()
        return False

    @dbus.service.method(DEVICE)
    def Disconnect(self):
        self.bluez.calls["Disconnect"] += 1
        self.drop_connection()

    def drop_connection(self):
        # BlueZ's Disconnect "can be also used to cancel a preceding Connect call before a reply to
        # it has been received" (doc/org.bluez.Device.rst): that Connect fails, nothing connects.
        if self.connect_source is not None:
            GLib.source_remove(self.connect_source)
            self.connect_source = None
        for fail in self.connecting:
            fail(error("org.bluez.Error.Failed", "Operation aborted"))
        self.connecting = []
        if self.characteristic:
            for fail in self.characteristic.hanging:
                fail(error("org.bluez.Error.Failed", "Not connected"))
            self.characteristic.hanging = []
        for obj, iface in ((self.characteristic, GATT_CHARACTERISTIC), (self.service, GATT_SERVICE)):
            if obj:
                obj.remove_from_connection()
                self.bluez.root.InterfacesRemoved(obj.path, [iface])
        self.service = self.characteristic = None
        if self.props[DEVICE]["Connected"]:
            self.change(DEVICE, {"ServicesResolved": dbus.Boolean(False), "Connected": dbus.Boolean(False)})
        self.last_seen_ms = self.bluez.capture_now()

    @dbus.service.method(DEVICE)
    def ConnectProfile(self, uuid):
        raise error("org.bluez.Error.NotSupported", "Not Supported")

    @dbus.service.method(DEVICE)
    def Pair(self):
        raise error("org.bluez.Error.AuthenticationFailed", "Authentication Failed")

    @dbus.service.method(DEVICE)
    def CancelPairing(self):
        pass


class FakeBluez:
    def __init__(self):
        dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
        self.bus = dbus.SystemBus()
        self.name = dbus.service.BusName("org.bluez", self.bus)
        self.root = Root(self)
        self.adapter = None
        self.devices = {}  # address -> Device
        self.gatt_overrides = {}  # address -> gatt mode dict
        self.calls = {k: 0 for k in ("GetManagedObjects", "SetDiscoveryFilter", "StartDiscovery", "StopDiscovery",
                                     "Connect", "Disconnect", "ReadValue", "ReadValueServed", "ReadValueHung")}
        self.adverts_played = 0
        self.adverts_dropped = 0
        self.reports = 0
        self.segments = []  # [wall ms, capture ms]
        self.playing = None  # the playing capture's state
        self.rate = 1.0
        self.loop = GLib.MainLoop()
        self.add_adapter()
        GLib.timeout_add(1000, self.expire_devices)

    # -- time ------------------------------------------------------------------------------------
    def capture_now(self):
        """The capture's clock: the player's segments, or the wall clock when nothing plays."""
        wall = now_ms()
        if not self.segments:
            return wall
        current = self.segments[0]
        for segment in self.segments:
            if segment[0] <= wall:
                current = segment
        return current[1] + int((wall - current[0]) * self.rate)

    # -- objects ---------------------------------------------------------------------------------
    def objects(self):
        found = [self.adapter] if self.adapter else []
        for device in self.devices.values():
            found.append(device)
            found += [o for o in (device.service, device.characteristic) if o]
        return found

    def add_adapter(self):
        if self.adapter:
            return
        self.adapter = Adapter(self)
        self.root.InterfacesAdded(ADAPTER_PATH, dbus.Dictionary(self.adapter.props, signature="sa{sv}"))

    def remove_adapter(self):
        if not self.adapter:
            return
        for address in list(self.devices):
            self.remove_device(self.devices[address].path)
        self.adapter.end_discovery()
        self.adapter.remove_from_connection()
        self.root.InterfacesRemoved(ADAPTER_PATH, [ADAPTER])
        self.adapter = None

    def set_power(self, on):
        if not self.adapter or self.adapter.powered() == on:
            return
        if not on:
            self.adapter.end_discovery()
            for address in list(self.devices):
                self.remove_device(self.devices[address].path)
        self.adapter.change(ADAPTER, {"Powered": dbus.Boolean(on)})

    def remove_device(self, path):
        for address, device in list(self.devices.items()):
            if device.path == path:
                device.drop_connection()
                del self.devices[address]
                device.remove_from_connection()
                self.root.InterfacesRemoved(path, [DEVICE])
                return
        raise error("org.bluez.Error.DoesNotExist", "Does Not Exist")

    def expire_devices(self):
        now = self.capture_now()
        for device in list(self.devices.values()):
            if not device.props[DEVICE]["Connected"] and now - device.last_seen_ms > TEMPORARY_TIMEOUT_MS:
                self.remove_device(device.path)
        return True

    # -- adverts ---------------------------------------------------------------------------------
    def hear(self, adverts):
        """Adverts heard in one main-loop turn: a device found, or one PropertiesChanged each."""
        if not self.adapter or not self.adapter.discovering():
            self.adverts_dropped += len(adverts)
            return
        changes = {}
        capture_ms = self.capture_now()
        for advert in adverts:
            self.adverts_played += 1
            device = self.devices.get(advert.addr)
            if device is None:
                device = self.devices[advert.addr] = Device(self, advert.addr)
                device.update(advert, {})
                device.last_seen_ms = capture_ms
                if device.bluezone_ios() or advert.addr in self.gatt_overrides:
                    device.gatt = self.gatt_for(advert.addr)
                self.root.InterfacesAdded(device.path, dbus.Dictionary(device.props, signature="sa{sv}"))
                self.reports += 1
                continue
            device.last_seen_ms = capture_ms
            changes[advert.addr] = device.update(advert, changes.get(advert.addr, {}))
            if device.gatt is None and device.bluezone_ios():
                device.gatt = self.gatt_for(advert.addr)
        for address, changed in changes.items():
            if changed:
                device = self.devices[address]
                device.PropertiesChanged(DEVICE, dbus.Dictionary(changed, signature="sv"), dbus.Array([], signature="s"))
                self.reports += 1

    def gatt_for(self, address):
        if address in self.gatt_overrides:
            return self.gatt_overrides[address]
        # A made-up 12-byte Bluezone ID of the phone, the same on every run.
        return {"mode": "serve", "id": hashlib.sha256(address.encode()).hexdigest()[:24]}

    def play(self, path, rate, gap_ms):
        adverts = capture.read(path)
        if not adverts:
            say({"event": "played", "adverts": 0, "dropped": 0})
            return
        # Segments: capture time runs at `rate` from each; a gap over gap_ms starts a new one.
        start_wall = now_ms() + 200
        self.rate = rate
        self.segments = [[start_wall, adverts[0].t]]
        schedule = []  # (wall ms, advert)
        wall, last_t = start_wall, adverts[0].t
        for advert in adverts:
            gap = advert.t - last_t
            if gap > gap_ms:
                wall += gap_ms / rate
                self.segments.append([int(wall), advert.t])
            else:
                wall += gap / rate
            last_t = advert.t
            schedule.append((wall, advert))
        say({"event": "playing", "segments": self.segments, "rate": rate, "first_ms": adverts[0].t,
             "last_ms": adverts[-1].t})
        self.adverts_played = self.adverts_dropped = self.reports = 0
        self.lateness = []  # how late each advert went out, wall ms (the player keeping up)
        state = {"next": 0}
        self.playing = state

        def tick():
            if state.get("stopped"):
                return False
            wall_now = now_ms()
            i = state["next"]
            # Adverts due at one moment are heard in one turn; a player that fell behind (a loaded
            # machine) still tells each moment's adverts apart, as BlueZ would have on time, so that
            # its lateness does not merge one phone's adverts into fewer reports than were sent.
            while i < len(schedule) and schedule[i][0] <= wall_now:
                moment, due = schedule[i][0], []
                while i < len(schedule) and schedule[i][0] == moment:
                    due.append(schedule[i][1])
                    self.lateness.append(wall_now - moment)
                    i += 1
                self.hear(due)
            state["next"] = i
            if i >= len(schedule):
                state["stopped"] = True
                late = sorted(self.lateness) or [0]
                say({"event": "played", "adverts": self.adverts_played, "dropped": self.adverts_dropped,
                     "reports": self.reports, "late_ms_p95": late[int(0.95 * (len(late) - 1))],
                     "late_ms_max": late[-1]})
                return False
            GLib.timeout_add(max(0, int(schedule[i][0] - now_ms())), tick)
            return False

        GLib.timeout_add(max(0, int(start_wall - now_ms())), tick)

    # -- control ---------------------------------------------------------------------------------
    def command(self, line):
        try:
            cmd = json.loads(line)
        except ValueError:
            say({"event": "error", "error": "not JSON"})
            return
        what = cmd.get("cmd")
        if what == "play":
            self.play(cmd["file"], float(cmd.get("rate", 1)), int(cmd.get("gap_ms", 10 ** 12)))
            return
        if what == "advert":
            advert = capture.Advert(t=self.capture_now(), addr=cmd["addr"].upper(), rssi=int(cmd["rssi"]))
            advert.name = cmd.get("name")
            advert.name_complete = advert.name is not None
            advert.uuids = [capture.uuid128(u) for u in cmd.get("uuids", [])]
            advert.svc = {capture.uuid128(k): bytes.fromhex(v) for k, v in cmd.get("svc", {}).items()}
            advert.mfr = {int(k, 16): bytes.fromhex(v) for k, v in cmd.get("mfr", {}).items()}
            self.hear([advert])
        elif what == "gatt":
            address = cmd["addr"].upper()
            mode = {k: v for k, v in cmd.items() if k in ("mode", "id", "delay_ms", "read_delay_ms")}
            mode.setdefault("id", hashlib.sha256(address.encode()).hexdigest()[:24])
            self.gatt_overrides[address] = mode
            if address in self.devices:
                self.devices[address].gatt = mode
        elif what == "stop-play":
            if self.playing and not self.playing.get("stopped"):
                self.playing["stopped"] = True
                say({"event": "played", "adverts": self.adverts_played, "dropped": self.adverts_dropped,
                     "reports": self.reports})
        elif what == "power":
            self.set_power(bool(cmd.get("on")))
        elif what == "remove-adapter":
            self.remove_adapter()
        elif what == "add-adapter":
            self.add_adapter()
        elif what == "end-discovery":
            if self.adapter:
                self.adapter.end_discovery()
        elif what == "refuse-discovery":
            if self.adapter:
                self.adapter.refusals = int(cmd.get("times", 1))
        elif what == "stats":
            # Phones connected or still connecting now: what "no connection left open" means.
            open_now = [a for a, d in self.devices.items() if d.props[DEVICE]["Connected"] or d.connecting]
            say({"event": "stats", "calls": self.calls, "devices": len(self.devices), "connected": len(open_now),
                 "connected_phones": sorted(open_now),
                 "adapter": self.adapter is not None,
                 "powered": bool(self.adapter and self.adapter.powered()),
                 "discovering": bool(self.adapter and self.adapter.discovering()),
                 "clients": len(self.adapter.clients) if self.adapter else 0,
                 "filters": list(self.adapter.filters.values()) if self.adapter else [],
                 "played": self.adverts_played, "dropped": self.adverts_dropped, "reports": self.reports})
            return
        elif what == "quit":
            self.loop.quit()
            return
        else:
            say({"event": "error", "error": f"unknown command {what}"})
            return
        say({"event": "done", "cmd": what})

    def run(self):
        def on_stdin(source, condition):
            line = sys.stdin.readline()
            if not line:
                self.loop.quit()
                return False
            if line.strip():
                self.command(line)
            return True

        GLib.io_add_watch(sys.stdin, GLib.IO_IN | GLib.IO_HUP, on_stdin)
        say({"event": "ready", "bus": os.environ.get("DBUS_SYSTEM_BUS_ADDRESS", "")})
        self.loop.run()


if __name__ == "__main__":
    FakeBluez().run()
