// gatehouse: the check-in kiosk.
#include "KioskStartup.h"

int main(int argc, char* argv[])
{
    return KioskStartup::run(argc, argv);
}
