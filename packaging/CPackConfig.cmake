# The Debian packages: `cmake --workflow --preset release && (cd build/release && cpack)` makes
# three, one per machine's role:
# - gatehouse_<version>_<arch>.deb, the kiosk: its program, the kiosk session
#   (gatehouse-kiosk.service: cage on tty1 as the `gatehouse` user), a commented configuration in
#   /etc/gatehouse (a conffile: upgrades keep the site's changes), and the maintainer scripts in
#   packaging/debian (the user, the private data folder, the session enabled);
# - gatehouse-cli_<version>_<arch>.deb, the command line, which the kiosk's package depends on and
#   a province's server needs too (`central add-official` makes the console's accounts);
# - gatehouse-central_<version>_<arch>.deb, the province's console (gatehouse-central.service,
#   its settings in /etc/default/gatehouse-central and /etc/gatehouse/central.ini), which pulls
#   in no display, no Bluetooth and no kiosk session.
# packaging/check-package.sh checks what each holds, with lintian and systemd-analyze.

# --- the kiosk (package gatehouse) ---
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/gatehouse-kiosk.service
        DESTINATION /lib/systemd/system COMPONENT kiosk) # Debian 12: units under /lib (usrmerge aliasing)
# Absolute: /etc, whatever the install prefix (CPack's is /usr).
install(FILES ${PROJECT_SOURCE_DIR}/packaging/gatehouse.ini DESTINATION /etc/gatehouse
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT kiosk)

# --- the province's console (package gatehouse-central) ---
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/gatehouse-central.service
        DESTINATION /lib/systemd/system COMPONENT central)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/central.ini DESTINATION /etc/gatehouse COMPONENT central)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/gatehouse-central.default DESTINATION /etc/default
        RENAME gatehouse-central COMPONENT central)

# Each package's documentation folder: the README, the copyright and the changelog, compressed
# with gzip -9n as Debian Policy 12.7 asks (no name, no time: reproducible); and lintian's
# overrides, each with its reason.
execute_process(COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
                OUTPUT_FILE ${PROJECT_BINARY_DIR}/changelog.gz)
set(gatehouse_components kiosk cli central)
set(gatehouse_packages gatehouse gatehouse-cli gatehouse-central)
foreach(component package IN ZIP_LISTS gatehouse_components gatehouse_packages)
    install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/packaging/debian/copyright
                  ${PROJECT_BINARY_DIR}/changelog.gz
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/${package}.lintian-overrides
            DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME ${package} COMPONENT ${component})
endforeach()

set(CPACK_PACKAGE_NAME gatehouse)
set(CPACK_PACKAGE_VENDOR "Gatehouse")
# A site or a province that builds its own packages names itself: -DGATEHOUSE_MAINTAINER=...
set(GATEHOUSE_MAINTAINER "Gatehouse maintainers <maintainers@gatehouse.example.org>"
    CACHE STRING "The Debian packages' Maintainer field")
set(CPACK_PACKAGE_CONTACT "${GATEHOUSE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's description below begins with its own synopsis. CPack 3.25 puts the project's
# summary in front of a component's description unless that summary is CPack's default
# (Internal/CPack/CPackDeb.cmake), which would give every package the kiosk's synopsis twice over:
# the default is named, so that nothing is put in front.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk cli central)
set(CPACK_COMPONENTS_GROUPING IGNORE) # one package per component
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps works out the library packages from each program; what is not linked is named.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# The release build has debug information (RelWithDebInfo); the packages do not.
set(CPACK_STRIP_FILES TRUE)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME gatehouse)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "Check-in kiosk for building entrances
A touchscreen kiosk at a building's entrance that checks visitors'
Bluetooth contact-tracing apps (Bluezone, Exposure Notification,
BlueTrace), reads citizen ID cards and visitor passes from QR codes, and
keeps a private log of every entry and exit for health officials. Boots
into a locked kiosk session (cage on tty1).")
# What Qt loads at run time (the SQLite driver, the Wayland and offscreen platforms, the on-screen
# keyboard and its QML modules, image formats) is not linked, so it is named here, with the
# session's compositor, fonts with Vietnamese glyphs, BlueZ (its `bluetooth` group is the unit's),
# adduser for postinst, and the command line the README's every step uses.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "gatehouse-cli (= ${PROJECT_VERSION}), adduser, bluez, cage, qt6-wayland, libqt6sql6-sqlite, qt6-qpa-plugins, qt6-virtualkeyboard-plugin, qml6-module-qtquick, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qml6-module-qt-labs-folderlistmodel, qt6-image-formats-plugins, fonts-noto-core, fonts-dejavu-core")
# Spoken guidance ([kiosk] speech=true) needs a speech engine; the kiosk is silent without one.
# speech-dispatcher-espeak-ng has a Vietnamese voice.
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "qt6-speech-speechd-plugin, speech-dispatcher-espeak-ng")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME gatehouse-cli)
set(CPACK_DEBIAN_CLI_DESCRIPTION "Gatehouse command line for sites and provinces
The command line of the Gatehouse check-in kiosk: a site's reports, exports
and accounts, diagnostics, and the central store's administration (sites,
kiosks, traces, and the province console's accounts).")
# The SQLite driver is loaded, not linked.
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libqt6sql6-sqlite")

set(CPACK_DEBIAN_CENTRAL_PACKAGE_NAME gatehouse-central)
set(CPACK_DEBIAN_CENTRAL_DESCRIPTION "Gatehouse province console over HTTPS
The web application that health officials and site administrators of a
province use in a browser: contact-tracing cases with their contacts at
every site, signed case files, the sites and their kiosks. It reads the
province's central PostgreSQL store, each official through the row-level
security of their scope.")
# Accounts are made with gatehouse-cli (central add-official); the store may run elsewhere.
set(CPACK_DEBIAN_CENTRAL_PACKAGE_DEPENDS "gatehouse-cli (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_SUGGESTS "postgresql-15, postgresql-contrib")
set(CPACK_DEBIAN_CENTRAL_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/central/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/central/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/central/postrm ${PROJECT_SOURCE_DIR}/packaging/debian/central/conffiles)
include(CPack)
