# Fails when a file includes across a layer it must not (ARCHITECTURE.md's layers; issue 24):
# - nothing under app/ includes the UI or Qt Widgets: the core, the printed pages and the CLI run
#   headless, and gatehouse-cli links no widgets;
# - the layers stand on each other in one order: storage/, common/, crypto/, ble/, qr/ under the
#   kiosk's core (checkin/); the site's records opened together and on their threads (records/)
#   above it; the officials' requests (export/) above those; the desk (desk/) on top. None
#   includes a layer above it;
# - the console and its pages reach the entry log, the accounts, the audit log, the settings file and the
#   Bluetooth adapter only through the Desk (desk/Desk.h): none includes the storage, Bluetooth or
#   signing classes or a request of export/ (values such as an Entry they may show).
set(violations "")
function(check_layer glob pattern why)
    file(GLOB_RECURSE files ${SOURCE_DIR}/${glob})
    foreach(file IN LISTS files)
        file(STRINGS ${file} lines REGEX "^#include ")
        foreach(line IN LISTS lines)
            if(line MATCHES "${pattern}")
                file(RELATIVE_PATH relative ${SOURCE_DIR} ${file})
                list(APPEND violations "${relative}: ${line} (${why})")
            endif()
        endforeach()
    endforeach()
    set(violations ${violations} PARENT_SCOPE)
endfunction()

set(widgets "<(QApplication|QWidget|QtWidgets|QDialog|QPushButton|QLabel|QGraphics[A-Za-z]*|QChart[A-Za-z]*)>")
foreach(dir ble central checkin cli common console crypto desk export qr report storage)
    check_layer("app/${dir}/*" "${widgets}" "the core and the CLI never use Qt Widgets")
    check_layer("app/${dir}/*" "\"(ui/|(Kiosk|Console)Window\\.h|[A-Za-z]*(Page|Screen)\\.h)" "the core never includes the UI")
endforeach()
foreach(dir checkin storage common crypto ble qr)
    check_layer("app/${dir}/*" "\"(records|export|desk)/" "records/, export/ and desk/ stand on ${dir}/")
endforeach()
check_layer("app/records/*" "\"(export|desk)/" "export/ and desk/ stand on records/")
check_layer("app/export/*" "\"desk/" "desk/ stands on export/")
# The province's console (gatehouse-central) reads the central store through central/'s requests
# and is no part of a kiosk: it opens no entry log, desk or adapter, and nothing includes it.
check_layer("app/console/*" "\"(ble|checkin|desk|qr|records|storage)/" "the province's console reads the central store only")
foreach(dir ble central checkin cli common crypto desk export qr records report storage)
    check_layer("app/${dir}/*" "\"console/" "nothing stands on the province's console")
endforeach()

foreach(pattern "ui/*Page.cpp" "ui/*Page.h" "ui/ConsoleWindow.cpp" "ui/ConsoleWindow.h")
    check_layer("${pattern}"
                "\"(ble/|storage/(Database|AuditLog|Accounts|EntryLog|Outbox|StaffRoster)|(checkin|records)/(SiteRecords|PinCheck)|export/[A-Za-z]*Request|crypto/)"
                "a console page asks the Desk")
endforeach()

if(violations)
    list(JOIN violations "\n" text)
    message(FATAL_ERROR "Includes across layers:\n${text}")
endif()
message(STATUS "No include crosses a layer")
