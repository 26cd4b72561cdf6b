#include "Preferences.h"

#include <algorithm>

Preferences::Preferences(const QString& path)
    : m_settings(path.isEmpty() ? std::make_unique<QSettings>()
                                : std::make_unique<QSettings>(path, QSettings::IniFormat))
{}

QString Preferences::language() const
{
    const QString language = m_settings->value(QStringLiteral("ui/language")).toString();
    return supportedLanguages().contains(language) ? language : QString();
}

void Preferences::setLanguage(const QString& language)
{
    m_settings->setValue(QStringLiteral("ui/language"), language);
}

QStringList Preferences::dockerHosts() const
{
    return m_settings->value(QStringLiteral("docker/hosts")).toStringList();
}

void Preferences::setDockerHosts(const QStringList& hosts)
{
    m_settings->setValue(QStringLiteral("docker/hosts"), hosts);
}

QByteArray Preferences::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void Preferences::setWindowGeometry(const QByteArray& geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray Preferences::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void Preferences::setWindowState(const QByteArray& state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

QByteArray Preferences::tableHeaderState() const
{
    return m_settings->value(QStringLiteral("window/tableHeader")).toByteArray();
}

void Preferences::setTableHeaderState(const QByteArray& state)
{
    m_settings->setValue(QStringLiteral("window/tableHeader"), state);
}

bool Preferences::confirmDelete() const
{
    return m_settings->value(QStringLiteral("ui/confirmDelete"), true).toBool();
}

void Preferences::setConfirmDelete(bool confirm)
{
    m_settings->setValue(QStringLiteral("ui/confirmDelete"), confirm);
}

int Preferences::cleanupIntervalMinutes() const
{
    return std::max(0, m_settings->value(QStringLiteral("cleanup/intervalMinutes"), 0).toInt());
}

void Preferences::setCleanupIntervalMinutes(int minutes)
{
    m_settings->setValue(QStringLiteral("cleanup/intervalMinutes"), std::max(0, minutes));
}

int Preferences::idleCleanupMinutes() const
{
    return std::max(0, m_settings->value(QStringLiteral("cleanup/idleMinutes"), 0).toInt());
}

void Preferences::setIdleCleanupMinutes(int minutes)
{
    m_settings->setValue(QStringLiteral("cleanup/idleMinutes"), std::max(0, minutes));
}

double Preferences::idleCpuPercent() const
{
    const double percent =
        m_settings->value(QStringLiteral("cleanup/idleCpuPercent"), 5.0).toDouble();
    return percent > 0 ? percent : 5.0;
}

void Preferences::setIdleCpuPercent(double percent)
{
    m_settings->setValue(QStringLiteral("cleanup/idleCpuPercent"), percent);
}

bool Preferences::startAfterCreate() const
{
    return m_settings->value(QStringLiteral("ui/startAfterCreate"), true).toBool();
}

void Preferences::setStartAfterCreate(bool start)
{
    m_settings->setValue(QStringLiteral("ui/startAfterCreate"), start);
}

QString Preferences::terminalFontFamily() const
{
    return m_settings->value(QStringLiteral("terminal/fontFamily")).toString();
}

void Preferences::setTerminalFontFamily(const QString& family)
{
    m_settings->setValue(QStringLiteral("terminal/fontFamily"), family);
}

int Preferences::terminalFontSize() const
{
    return m_settings->value(QStringLiteral("terminal/fontSize"), 0).toInt();
}

void Preferences::setTerminalFontSize(int pointSize)
{
    m_settings->setValue(QStringLiteral("terminal/fontSize"), pointSize);
}

int Preferences::scrollbackLines() const
{
    return m_settings->value(QStringLiteral("terminal/scrollbackLines"), 10000).toInt();
}

void Preferences::setScrollbackLines(int lines)
{
    m_settings->setValue(QStringLiteral("terminal/scrollbackLines"), lines);
}

int Preferences::logMemoryLimitMiB() const
{
    return m_settings->value(QStringLiteral("logs/memoryLimitMiB"), 256).toInt();
}

void Preferences::setLogMemoryLimitMiB(int mebibytes)
{
    m_settings->setValue(QStringLiteral("logs/memoryLimitMiB"), mebibytes);
}

bool Preferences::terminalClipboardWrites() const
{
    return m_settings->value(QStringLiteral("terminal/clipboardWrites"), false).toBool();
}

void Preferences::setTerminalClipboardWrites(bool allowed)
{
    m_settings->setValue(QStringLiteral("terminal/clipboardWrites"), allowed);
}

bool Preferences::terminalRecordInput() const
{
    return m_settings->value(QStringLiteral("terminal/recordInput"), false).toBool();
}

void Preferences::setTerminalRecordInput(bool record)
{
    m_settings->setValue(QStringLiteral("terminal/recordInput"), record);
}

bool Preferences::terminalCursorBlink() const
{
    return m_settings->value(QStringLiteral("terminal/cursorBlink"), true).toBool();
}

void Preferences::setTerminalCursorBlink(bool blink)
{
    m_settings->setValue(QStringLiteral("terminal/cursorBlink"), blink);
}

QString Preferences::sessionLogFolder() const
{
    return m_settings->value(QStringLiteral("terminal/sessionLogFolder")).toString();
}

void Preferences::setSessionLogFolder(const QString& folder)
{
    m_settings->setValue(QStringLiteral("terminal/sessionLogFolder"), folder);
}

QStringList Preferences::sessionLogFormats() const
{
    const QStringList fallback{QStringLiteral("asciicast")};
    return m_settings->value(QStringLiteral("terminal/sessionLogFormats"), fallback).toStringList();
}

void Preferences::setSessionLogFormats(const QStringList& formats)
{
    m_settings->setValue(QStringLiteral("terminal/sessionLogFormats"), formats);
}

QStringList Preferences::supportedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}
