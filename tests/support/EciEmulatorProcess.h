#pragma once

#include "EmulatorProcess.h"

// The ECI emulator (tests/support/eci-emulator), with one access key (see EmulatorProcess).
class EciEmulatorProcess final : public EmulatorProcess
{
public:
    explicit EciEmulatorProcess(const QString& executable);

    // Starts it with the access key; extraArguments come after the common ones (e.g.
    // {"--fault", "throttle:3"}). requestCount() counts signed API requests.
    bool start(const QStringList& extraArguments = {});

    static QString instanceLabel();
    static QString accessKeyId();
    // A canary: tests check that it appears in nothing the app writes or prints.
    static QString accessKeySecret();
    // The secret this emulator accepts with accessKeyId(): accessKeySecret() unless
    // setSecret() chose another before start().
    QString secret() const { return m_secret; }
    void setSecret(const QString& secret) { m_secret = secret; }

private:
    QString m_secret = accessKeySecret();
};
