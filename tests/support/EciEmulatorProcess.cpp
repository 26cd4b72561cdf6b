#include "EciEmulatorProcess.h"

EciEmulatorProcess::EciEmulatorProcess(const QString& executable)
    : EmulatorProcess(executable, "eci-emulator", instanceLabel(), QStringLiteral("Requests"),
                      QStringLiteral("Applied"))
{}

QString EciEmulatorProcess::instanceLabel()
{
    return QStringLiteral("eci.sandboxdesk/emulator");
}

QString EciEmulatorProcess::accessKeyId()
{
    return QStringLiteral("LTAI-emulator-test-id");
}

QString EciEmulatorProcess::accessKeySecret()
{
    return QStringLiteral("CANARY-eci-secret-7f3c9e1a5b");
}

bool EciEmulatorProcess::start(const QStringList& extraArguments)
{
    return launch(extraArguments, {{QStringLiteral("ECI_EMULATOR_ACCESS_KEY"),
                                    accessKeyId() + QLatin1Char(':') + m_secret}});
}
