#pragma once

#include "EmulatorProcess.h"

// The OpenSandbox emulator (tests/support/opensandbox-emulator), with one API key (see
// EmulatorProcess).
class OpenSandboxEmulatorProcess final : public EmulatorProcess
{
public:
    explicit OpenSandboxEmulatorProcess(const QString& executable);

    // Starts it with key(); extraArguments come after the common ones (e.g.
    // {"--fault", "drop:1"}).
    bool start(const QStringList& extraArguments = {});
    // "127.0.0.1:PORT", as OPEN_SANDBOX_DOMAIN takes it.
    QString domain() const;

    static QString instanceLabel();
    // A canary: tests check that it appears in nothing the app writes or prints.
    static QString apiKey();
    // The key this emulator asks for: apiKey() unless setKey() chose another before start().
    QString key() const { return m_key; }
    void setKey(const QString& key) { m_key = key; }

private:
    QString m_key = apiKey();
};
