// The one place Gatehouse's logging categories are defined (see Logging.h).
#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcBle, "gatehouse.ble", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQr, "gatehouse.qr", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "gatehouse.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCentral, "gatehouse.central", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCheckIn, "gatehouse.checkin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcExport, "gatehouse.export", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "gatehouse.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "gatehouse.ui", QtInfoMsg)
