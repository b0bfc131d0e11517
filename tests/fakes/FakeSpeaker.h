// A speaker that keeps what it was asked to say (Speaker.h), for the kiosk's screen tests.
#pragma once

#include "checkin/Speaker.h"

#include <QStringList>

class FakeSpeaker : public Speaker
{
public:
    void say(const QString& text) override { said.append(text); }

    QStringList said;
};
