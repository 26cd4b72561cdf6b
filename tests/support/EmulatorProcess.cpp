#include "EmulatorProcess.h"

#include "DockerTestEnvironment.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

EmulatorProcess::EmulatorProcess(const QString& executable, const char* name,
                                 const QString& instanceLabel, const QString& statsKey,
                                 const QString& appliedKey)
    : m_executable(executable)
    , m_name(name)
    , m_instanceLabel(instanceLabel)
    , m_statsKey(statsKey)
    , m_appliedKey(appliedKey)
    , m_instance(DockerTestEnvironment::uniqueName(QStringLiteral("emulator")))
{}

EmulatorProcess::~EmulatorProcess()
{
    stop();
}

bool EmulatorProcess::launch(const QStringList& extraArguments,
                             const QList<QPair<QString, QString>>& environment)
{
    stop();
    m_stderr.clear();
    m_port = 0;
    QStringList arguments{QStringLiteral("--listen"),      QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--docker-host"), qEnvironmentVariable("DOCKER_HOST"),
                          QStringLiteral("--instance"),    m_instance};
    arguments += extraArguments;
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    for (const auto& [name, value] : environment)
        variables.insert(name, value);
    m_process.setProcessEnvironment(variables);
    m_process.start(m_executable, arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    static const QRegularExpression listening(
        QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        const auto match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    m_stderr += m_process.readAllStandardError();
    qWarning("%s did not start: %s", m_name, m_stderr.constData());
    return false;
}

void EmulatorProcess::stop()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(10000);
        m_stderr += m_process.readAllStandardError();
    }
    if (m_port != 0)
        removeContainers();
    m_port = 0;
}

bool EmulatorProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

QString EmulatorProcess::endpoint() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

int EmulatorProcess::requestCount()
{
    return QJsonDocument::fromJson(getControl("/__emulator/stats"))
        .object()
        .value(m_statsKey)
        .toInt(-1);
}

bool EmulatorProcess::injectFault(const QString& spec)
{
    return QJsonDocument::fromJson(getControl("/__emulator/fault?" + QUrl::toPercentEncoding(spec)))
        .object()
        .value(m_appliedKey)
        .toBool();
}

QByteArray EmulatorProcess::getControl(const QByteArray& pathAndQuery)
{
    // A blocking socket: no event loop runs, so nothing else in the test moves meanwhile.
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(10000))
        return {};
    socket.write("GET " + pathAndQuery +
                 " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray response;
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(100);
        response += socket.readAll();
    }
    response += socket.readAll();
    const qsizetype bodyStart = response.indexOf("\r\n\r\n");
    return bodyStart < 0 ? QByteArray() : response.mid(bodyStart + 4);
}

QByteArray EmulatorProcess::log()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}

void EmulatorProcess::removeContainers()
{
    const auto listed = DockerTestEnvironment::docker(
        {QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"),
         QStringLiteral("label=%1=%2").arg(m_instanceLabel, m_instance)});
    const QStringList ids =
        QString::fromUtf8(listed.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (ids.isEmpty())
        return;
    DockerTestEnvironment::docker(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids);
}
