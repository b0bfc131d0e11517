// Gatehouse's logging categories, declared once here and defined in Logging.cpp. Enable one with
// QT_LOGGING_RULES="gatehouse.ble.debug=true".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcBle)
Q_DECLARE_LOGGING_CATEGORY(lcQr)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcCheckIn)
Q_DECLARE_LOGGING_CATEGORY(lcCentral)
Q_DECLARE_LOGGING_CATEGORY(lcExport)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
