#pragma once

#include "FileEntry.h"
#include "sandbox/Error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <deque>
#include <optional>

class Job;
class QTimer;
class SandboxFiles;
class TarExtractor;
class TarPacker;

// One download (sandbox paths into a local folder) or upload (local paths into a sandbox
// folder) of one or more files and folders, each sent as a tar stream through SandboxFiles.
// It reports bytes, speed and time left, asks through conflictFound() when a name exists at
// the destination, can be cancelled (what it made so far is removed) and retried from the item
// that failed. Items already done stay done. A file that is overwritten is replaced only once
// the new one is complete (written under a hidden name beside it, then renamed over it), so a
// cancelled or failed transfer leaves it as it was.
class FileTransfer final : public QObject
{
    Q_OBJECT
public:
    enum class Direction
    {
        Download,
        Upload
    };
    Q_ENUM(Direction)
    enum class State
    {
        Ready, // not started
        Running,
        AskingConflict, // waiting for resolveConflict()
        Finished,       // everything done; warnings() may name what was left out
        Failed,         // error() says why; retry() goes on from the failed item
        Cancelled,
    };
    Q_ENUM(State)
    enum class ConflictChoice
    {
        Overwrite, // a file is replaced, a folder merged
        Skip,
        KeepBoth, // the new one is renamed "name (2)"
    };
    Q_ENUM(ConflictChoice)

    // files must outlive the transfer.
    static FileTransfer* download(SandboxFiles* files, const QList<RemotePath>& paths,
                                  const QString& localFolder, QObject* parent = nullptr);
    static FileTransfer* upload(SandboxFiles* files, const QStringList& localPaths,
                                const RemotePath& remoteFolder, QObject* parent = nullptr);
    ~FileTransfer() override;

    Direction direction() const { return m_direction; }
    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Running || m_state == State::AskingConflict; }
    // False once an overwrite is being moved into place: from then on it cannot be undone.
    bool canCancel() const { return isActive() && !m_committing; }
    // The items' names for showing, and the one in progress.
    QStringList itemNames() const;
    QString currentName() const;
    int itemCount() const;
    int itemsDone() const { return m_index; }

    // Counted as the bytes go, not only when progressed() is emitted.
    qint64 bytesDone() const;
    // -1 when not known (a folder downloaded).
    qint64 bytesTotal() const { return m_total; }
    // Over the last few seconds; 0 when stalled.
    double bytesPerSecond() const;
    // -1 when not known.
    qint64 secondsLeft() const;

    const Error& error() const { return m_error; }
    // Entries refused or left out, translated; the transfer still finished.
    const QStringList& warnings() const { return m_warnings; }

    void start();
    void cancel();
    void retry();
    // The answer to conflictFound(); forAll answers the conflicts still to come the same way.
    void resolveConflict(ConflictChoice choice, bool forAll = false);

    // "name (2)" for a folder, "name (2).txt" for a file; n counts from 2.
    static QByteArray numberedName(const QByteArray& name, int n, bool isFolder);

Q_SIGNALS:
    void progressed();
    // The destination has name already; answer with resolveConflict().
    void conflictFound(const QString& name, bool isFolder);
    void stateChanged(FileTransfer::State state);
    // Once Finished, Failed or Cancelled.
    void finished();

private:
    FileTransfer(SandboxFiles* files, Direction direction, QObject* parent);

    void setState(State state);
    void nextItem();
    void checkDownload();
    void checkUpload();
    void onConflict(const QByteArray& name, bool isFolder);
    void decided(ConflictChoice choice);
    void findFreeName(int n);
    void runDownload();
    void runUpload();
    void uploadDone();
    void removeUploadTemp();
    void itemDone();
    void concludeDownload();
    void fail(const Error& error);
    void sample();
    void cleanUpAfterCancel();

    QPointer<SandboxFiles> m_files;
    Direction m_direction;
    State m_state = State::Ready;
    QList<RemotePath> m_remotePaths; // download sources
    QString m_localFolder;
    QStringList m_localPaths; // upload sources
    RemotePath m_remoteFolder;

    int m_index = 0;
    QByteArray m_name;       // current item's own name
    QByteArray m_destName;   // its name at the destination, "name (2)" when both are kept
    bool m_isFolder = false; // current item
    bool m_targetExisted = false;
    // An upload over an existing file goes to this name beside it first; empty otherwise.
    QByteArray m_uploadTemp;
    ConflictChoice m_choice = ConflictChoice::Overwrite;
    std::optional<ConflictChoice> m_choiceForAll;

    QPointer<Job> m_job;
    QPointer<TarExtractor> m_extractor;
    QPointer<TarPacker> m_packer;
    bool m_jobDone = false;
    bool m_extractorDone = false;
    Error m_itemError;

    qint64 m_total = -1;
    qint64 m_doneBefore = 0;
    qint64 m_itemBytes = 0;
    bool m_committing = false;
    QTimer* m_sampler = nullptr;
    QElapsedTimer m_clock;
    std::deque<std::pair<qint64, qint64>> m_samples; // (ms, bytes)
    Error m_error;
    QStringList m_warnings;
};
