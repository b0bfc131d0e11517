# The Debian package: `cmake --workflow --preset release && (cd build/release && cpack)` makes
# gatehouse_<version>_<arch>.deb. It installs the kiosk and the CLI, the kiosk session
# (gatehouse-kiosk.service: cage on tty1 as the `gatehouse` user), a commented configuration in
# /etc/gatehouse (a conffile: upgrades keep the site's changes), and the maintainer scripts in
# packaging/debian (the user, the private data folder, the session enabled).
# packaging/check-package.sh checks what it holds, with lintian and systemd-analyze.

install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/gatehouse-kiosk.service
        DESTINATION /lib/systemd/system) # Debian 12: units under /lib (usrmerge aliasing)
# Absolute: /etc, whatever the install prefix (CPack's is /usr).
install(FILES ${PROJECT_SOURCE_DIR}/packaging/gatehouse.ini DESTINATION /etc/gatehouse
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gatehouse)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gatehouse)
# Debian Policy 12.7: the changelog compressed with gzip -9n (no name, no time: reproducible).
execute_process(COMMAND gzip -9nc ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
                OUTPUT_FILE ${PROJECT_BINARY_DIR}/changelog.gz)
install(FILES ${PROJECT_BINARY_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/gatehouse)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME gatehouse)

set(CPACK_PACKAGE_NAME gatehouse)
set(CPACK_PACKAGE_VENDOR "Gatehouse")
# A site or a province that builds its own package names itself: -DGATEHOUSE_MAINTAINER=...
set(GATEHOUSE_MAINTAINER "Gatehouse maintainers <maintainers@gatehouse.example.org>"
    CACHE STRING "The Debian package's Maintainer field")
set(CPACK_PACKAGE_CONTACT "${GATEHOUSE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "A touchscreen kiosk at a building's entrance that checks visitors'
Bluetooth contact-tracing apps (Bluezone, Exposure Notification,
BlueTrace), reads citizen ID cards and visitor passes from QR codes, and
keeps a private log of every entry and exit for health officials. Boots
into a locked kiosk session (cage on tty1).")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps works out the library packages from the binaries; what Qt loads at run time
# (the SQLite driver, the Wayland and offscreen platforms, the on-screen keyboard and its QML
# modules, image formats) is not linked, so it is named here, with the session's compositor,
# fonts with Vietnamese glyphs, BlueZ (its `bluetooth` group is the unit's) and adduser for
# postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, bluez, cage, qt6-wayland, libqt6sql6-sqlite, qt6-qpa-plugins, qt6-virtualkeyboard-plugin, qml6-module-qtquick, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qml6-module-qt-labs-folderlistmodel, qt6-image-formats-plugins, fonts-noto-core, fonts-dejavu-core")
# Spoken guidance ([kiosk] speech=true) needs a speech engine; the kiosk is silent without one.
# speech-dispatcher-espeak-ng has a Vietnamese voice.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-speech-speechd-plugin, speech-dispatcher-espeak-ng")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/postinst ${PROJECT_SOURCE_DIR}/packaging/debian/prerm
    ${PROJECT_SOURCE_DIR}/packaging/debian/postrm ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# The release build has debug information (RelWithDebInfo); the package does not.
set(CPACK_STRIP_FILES TRUE)
include(CPack)
