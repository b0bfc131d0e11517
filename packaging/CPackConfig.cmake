# CPack: `cpack --preset`-free use is `cd build/release && cpack -G DEB`, which makes an
# installable gatehouse_<version>_<arch>.deb with the kiosk, the CLI and the .desktop entry.
set(CPACK_PACKAGE_NAME gatehouse)
set(CPACK_PACKAGE_VENDOR "Gatehouse")
set(CPACK_PACKAGE_CONTACT "Gatehouse maintainers <gatehouse@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# dpkg-shlibdeps works out the library packages from the binaries; the plugins Qt loads at run
# time (SQLite driver, platform, on-screen keyboard) are not linked, so they are named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-qpa-plugins, qt6-virtualkeyboard-plugin, qml6-module-qtquick, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtqml-workerscript, qml6-module-qt-labs-folderlistmodel, qt6-image-formats-plugins, fonts-dejavu-core")
include(CPack)
