#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

// The user's preferences and connection profiles, in QSettings. Never a secret: credentials
// belong to the keychain.
class Preferences
{
public:
    // An empty path uses the platform's default location for the organisation and app name.
    explicit Preferences(const QString& path = {});

    // "" follows the system locale; otherwise "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString& language);

    // Extra engine addresses the user added, besides the one found automatically.
    QStringList dockerHosts() const;
    void setDockerHosts(const QStringList& hosts);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray tableHeaderState() const;
    void setTableHeaderState(const QByteArray& state);

    bool confirmDelete() const;
    void setConfirmDelete(bool confirm);
    bool startAfterCreate() const;
    void setStartAfterCreate(bool start);
    // While the app runs it removes expired sandboxes this often; 0 (the default): never.
    int cleanupIntervalMinutes() const;
    void setCleanupIntervalMinutes(int minutes);
    // With the timer, sandboxes opted in to idle clean-up go too once idle (or stopped) this
    // long; 0 (the default): never.
    int idleCleanupMinutes() const;
    void setIdleCleanupMinutes(int minutes);
    // Idle means CPU below this percentage of one core (5 unless set).
    double idleCpuPercent() const;
    void setIdleCpuPercent(double percent);

    // Empty family and 0 size: the system's fixed-pitch font.
    QString terminalFontFamily() const;
    void setTerminalFontFamily(const QString& family);
    int terminalFontSize() const;
    void setTerminalFontSize(int pointSize);
    int scrollbackLines() const; // 10000 unless set
    void setScrollbackLines(int lines);
    // Log bytes a log window keeps in memory before older ones move to a temporary file.
    int logMemoryLimitMiB() const; // 256 unless set
    void setLogMemoryLimitMiB(int mebibytes);
    // Programs may set the clipboard (OSC 52) only when the user allowed it.
    bool terminalClipboardWrites() const;
    void setTerminalClipboardWrites(bool allowed);
    // The cursor blinks when the program asks for it and this is on (the default).
    bool terminalCursorBlink() const;
    void setTerminalCursorBlink(bool blink);
    // Every session's log is saved into this folder when it ends or its tab closes; empty: off.
    QString sessionLogFolder() const;
    void setSessionLogFolder(const QString& folder);
    // Keystrokes go into recordings (asciicast "i" events, session logs) only when this is on:
    // they hold passwords typed at prompts that do not echo. Off unless set.
    bool terminalRecordInput() const;
    void setTerminalRecordInput(bool record);
    // "text", "html", "asciicast"; asciicast alone unless set.
    QStringList sessionLogFormats() const;
    void setSessionLogFormats(const QStringList& formats);

    void sync() { m_settings->sync(); }

    static QStringList supportedLanguages(); // "en", "zh_CN"

private:
    std::unique_ptr<QSettings> m_settings;
};
