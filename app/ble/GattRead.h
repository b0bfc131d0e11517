// One read of a tracing app's identifier over GATT from one phone: connect, find the app's
// service, read its characteristic, disconnect. Ends with finished(), once, with the value or
// empty; whatever happens, including a phone that never answers, within the timeout.
//
// Through Qt's BlueZ D-Bus backend (QLowEnergyControllerPrivateBluezDBus, chosen explicitly:
// BluetoothStack): Device1.Connect, ServicesResolved, GattService1 and GattCharacteristic1.ReadValue.
#pragma once

#include "ble/AppProfile.h"

#include <QBluetoothAddress>
#include <QLowEnergyController>
#include <QObject>
#include <QTimer>

#include <memory>

class QLowEnergyService;

class GattRead : public QObject
{
    Q_OBJECT

public:
    GattRead(quint64 address, QList<AppProfile::GattId> where, const QBluetoothAddress& adapter, int timeoutMs,
             QObject* parent = nullptr);
    ~GattRead() override;

    void start();
    quint64 address() const { return m_address; }

signals:
    void finished(quint64 address, const QByteArray& value);

private:
    void onServicesDiscovered();
    void finish(const QByteArray& value, const char* why);
    // Lets the phone go: disconnects and deletes the controller once BlueZ has, or with this
    // read's parent at the latest.
    void close();

    quint64 m_address;
    QList<AppProfile::GattId> m_where;
    QBluetoothAddress m_adapter;
    QBluetoothUuid m_characteristic;
    std::unique_ptr<QLowEnergyController> m_controller;
    std::unique_ptr<QLowEnergyService> m_service;
    QTimer m_timeout;
    bool m_done = false;
};
