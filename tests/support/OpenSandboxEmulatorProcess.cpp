#include "OpenSandboxEmulatorProcess.h"

OpenSandboxEmulatorProcess::OpenSandboxEmulatorProcess(const QString& executable)
    : EmulatorProcess(executable, "opensandbox-emulator", instanceLabel(),
                      QStringLiteral("requests"), QStringLiteral("applied"))
{}

QString OpenSandboxEmulatorProcess::instanceLabel()
{
    return QStringLiteral("sandboxdesk.opensandbox/emulator");
}

QString OpenSandboxEmulatorProcess::apiKey()
{
    return QStringLiteral("CANARY-osb-key-4d8e2b6a91");
}

bool OpenSandboxEmulatorProcess::start(const QStringList& extraArguments)
{
    // The name the SDKs read.
    return launch(extraArguments, {{QStringLiteral("OPEN_SANDBOX_API_KEY"), m_key}});
}

QString OpenSandboxEmulatorProcess::domain() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}
