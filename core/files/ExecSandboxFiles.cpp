#include "ExecSandboxFiles.h"

#include "ExecFilesScript.h"
#include "sandbox/Backend.h"
#include "sandbox/ExecSession.h"

#include <QIODevice>
#include <QTimer>

#include <memory>

namespace {

constexpr qsizetype maxListingBytes = 64 * 1024 * 1024;
constexpr qsizetype maxStderrBytes = 64 * 1024;

QString shown(const RemotePath& path)
{
    return RemotePaths::displayName(path);
}

void appendBounded(QByteArray* to, const QByteArray& bytes, qsizetype bound)
{
    if (to->size() < bound)
        to->append(bytes.left(bound - to->size()));
}

// stderr without the lines the scripts print for us, for an error's detail.
QString stderrDetail(const QByteArray& text)
{
    QStringList lines;
    for (const QByteArray& line : text.split('\n')) {
        if (line.isEmpty() || line == ExecFilesScript::ackLine ||
            line.startsWith(ExecFilesScript::tarStatusPrefix))
            continue;
        lines.append(RemotePaths::displayName(line));
    }
    return lines.join(QLatin1Char('\n'));
}

Error execError(const Error& error)
{
    Error wrapped = error;
    if (error.kind != Error::Cancelled)
        wrapped.message =
            ExecSandboxFiles::tr("Could not run a command in the sandbox: %1").arg(error.message);
    return wrapped;
}

// A download: tar | base64 in the sandbox, decoded into the sink, one credit per chunk
// sent back once the sink has room.
class ArchiveReader final : public QObject
{
public:
    ArchiveReader(Job* job, ExecSession* session, QIODevice* sink, const RemotePath& path)
        : QObject(job)
        , m_job(job)
        , m_session(session)
        , m_sink(sink)
        , m_path(path)
    {
        connect(session, &ExecSession::received, this, &ArchiveReader::onReceived);
        connect(session, &ExecSession::finished, this, &ArchiveReader::onFinished);
        connect(session, &ExecSession::failed, this,
                [this](const Error& error) { m_job->finishWithError(execError(error)); });
        connect(sink, &QIODevice::bytesWritten, this, &ArchiveReader::sendCredits);
        connect(job, &Job::cancelRequested, session, &ExecSession::close);
        session->start();
        session->write(QByteArray(ExecSandboxFiles::window - 1, '\n'));
    }

private:
    void onReceived(ExecSession::Stream stream, const QByteArray& bytes)
    {
        if (m_job->isFinished())
            return;
        if (stream == ExecSession::Stream::Stderr) {
            appendBounded(&m_stderr, bytes, maxStderrBytes);
            return;
        }
        QByteArray data;
        int chunks = 0;
        if (!m_decoder.feed(bytes, &data, &chunks)) {
            fail(Error::make(Error::Protocol,
                             ExecSandboxFiles::tr("The sandbox sent a download that cannot be "
                                                  "read."),
                             {}, m_decoder.errorString()));
            return;
        }
        if (!data.isEmpty()) {
            if (m_sink->write(data) != data.size()) {
                fail(Error::make(Error::Server,
                                 ExecSandboxFiles::tr("Could not write the download: %1")
                                     .arg(m_sink->errorString())));
                return;
            }
            m_done += data.size();
            m_job->reportProgress(m_done, -1, {});
        }
        m_owed += chunks;
        sendCredits();
    }

    void sendCredits()
    {
        if (m_owed > 0 && !m_job->isFinished() &&
            m_sink->bytesToWrite() <= ExecSandboxFiles::sinkBound) {
            m_session->write(QByteArray(m_owed, '\n'));
            m_owed = 0;
        }
    }

    void onFinished(int exitCode)
    {
        if (m_job->isFinished())
            return;
        if (exitCode != 0) {
            m_job->finishWithError(ExecSandboxFiles::scriptError(exitCode, m_stderr, m_path));
            return;
        }
        const qsizetype at = m_stderr.lastIndexOf(ExecFilesScript::tarStatusPrefix);
        const QByteArray status =
            at < 0 ? QByteArray()
                   : m_stderr.mid(at + qstrlen(ExecFilesScript::tarStatusPrefix)).split('\n').at(0);
        if (status != "0" || !m_decoder.atLineStart()) {
            m_job->finishWithError(Error::make(
                Error::Server,
                ExecSandboxFiles::tr("tar could not pack “%1” in the sandbox.").arg(shown(m_path)),
                QString::fromLatin1(status), stderrDetail(m_stderr)));
            return;
        }
        m_job->finishWithResult({});
    }

    void fail(const Error& error)
    {
        m_job->finishWithError(error);
        m_session->close();
    }

    Job* m_job;
    ExecSession* m_session;
    QIODevice* m_sink;
    RemotePath m_path;
    ExecFilesScript::DownloadDecoder m_decoder;
    QByteArray m_stderr;
    qint64 m_done = 0;
    int m_owed = 0;
};

// An upload: chunks of base64 with their length, at most window of them unacknowledged, "0"
// at the end; the sandbox decodes them into tar x.
class ArchiveWriter final : public QObject
{
public:
    ArchiveWriter(Job* job, ExecSession* session, QIODevice* source, const RemotePath& folder)
        : QObject(job)
        , m_folder(folder)
        , m_job(job)
        , m_session(session)
        , m_source(source)
    {
        connect(session, &ExecSession::received, this, &ArchiveWriter::onReceived);
        connect(session, &ExecSession::finished, this, &ArchiveWriter::onFinished);
        connect(session, &ExecSession::failed, this,
                [this](const Error& error) { m_job->finishWithError(execError(error)); });
        connect(source, &QIODevice::readyRead, this, &ArchiveWriter::pump);
        connect(source, &QIODevice::readChannelFinished, this, [this] {
            m_sourceEnded = true;
            pump();
        });
        connect(job, &Job::cancelRequested, this, [this] {
            // A line that is no length ends the sandbox's loop, so tar stops there.
            m_session->write("-\n");
            m_session->close();
        });
        session->start();
        pump();
    }

private:
    bool sourceAtEnd() const
    {
        if (m_source->isSequential())
            return (m_sourceEnded || !m_source->isOpen()) && m_source->bytesAvailable() == 0;
        return m_source->atEnd();
    }

    void pump()
    {
        while (!m_job->isFinished() && !m_endSent && m_unacked < ExecSandboxFiles::window) {
            while (m_raw.size() < ExecFilesScript::uploadChunkBytes) {
                const QByteArray more =
                    m_source->read(ExecFilesScript::uploadChunkBytes - m_raw.size());
                if (more.isEmpty())
                    break;
                m_raw.append(more);
            }
            const bool ended = sourceAtEnd();
            if (m_raw.size() < ExecFilesScript::uploadChunkBytes && !ended)
                return;
            if (!m_raw.isEmpty()) {
                m_session->write(ExecFilesScript::uploadChunk(m_raw));
                m_sent += m_raw.size();
                m_raw.clear();
                ++m_unacked;
                m_job->reportProgress(m_sent, m_source->isSequential() ? -1 : m_source->size(), {});
            }
            if (ended && m_raw.isEmpty()) {
                m_session->write(ExecFilesScript::uploadEnd());
                m_endSent = true;
            }
        }
    }

    void onReceived(ExecSession::Stream stream, const QByteArray& bytes)
    {
        if (stream != ExecSession::Stream::Stderr)
            return;
        m_line.append(bytes);
        qsizetype end = 0;
        while ((end = m_line.indexOf('\n')) >= 0) {
            const QByteArray line = m_line.left(end);
            m_line.remove(0, end + 1);
            if (line == ExecFilesScript::ackLine)
                m_unacked = qMax(0, m_unacked - 1);
            else
                appendBounded(&m_stderr, line + '\n', maxStderrBytes);
        }
        if (m_line.size() > maxStderrBytes)
            appendBounded(&m_stderr, std::exchange(m_line, QByteArray()), maxStderrBytes);
        pump();
    }

    void onFinished(int exitCode)
    {
        if (m_job->isFinished())
            return;
        if (exitCode != 0) {
            m_job->finishWithError(ExecSandboxFiles::scriptError(exitCode, m_stderr, m_folder));
            return;
        }
        if (!m_endSent) {
            m_job->finishWithError(Error::make(
                Error::Server, ExecSandboxFiles::tr("The sandbox stopped reading the upload.")));
            return;
        }
        m_job->finishWithResult({});
    }

    RemotePath m_folder;
    Job* m_job;
    ExecSession* m_session;
    QIODevice* m_source;
    QByteArray m_raw;
    QByteArray m_line;
    QByteArray m_stderr;
    qint64 m_sent = 0;
    int m_unacked = 0;
    bool m_sourceEnded = false;
    bool m_endSent = false;
};

} // namespace

ExecSandboxFiles::ExecSandboxFiles(Backend* backend, const QString& sandboxId,
                                   const QString& container, QObject* parent)
    : SandboxFiles(parent)
    , m_backend(backend)
    , m_sandboxId(sandboxId)
    , m_container(container)
{}

Backend* ExecSandboxFiles::backend() const
{
    return m_backend;
}

bool ExecSandboxFiles::isRunning() const
{
    if (!m_backend)
        return false;
    bool found = false;
    const Sandbox sandbox = m_backend->sandbox(m_sandboxId, &found);
    // One the live set does not know (yet) is asked anyway; the exec then says what is wrong.
    return !found || sandbox.status == SandboxStatus::Running;
}

SandboxFiles::Capabilities ExecSandboxFiles::capabilities() const
{
    if (!isRunning())
        return {};
    return CanList | CanModify | CanReadArchive | CanWriteArchive;
}

QString ExecSandboxFiles::limitation() const
{
    if (!m_backend)
        return tr("The connection to the sandbox's host was closed.");
    if (isRunning())
        return {};
    if (m_backend->sandbox(m_sandboxId).status == SandboxStatus::Paused)
        return tr("The sandbox is paused: its files can be browsed and copied only while it "
                  "runs. Resume it first.");
    return tr("The sandbox is not running: its files can be browsed and copied only while it "
              "runs. Start it first.");
}

Error ExecSandboxFiles::notPossible(const RemotePath& path) const
{
    if (!path.startsWith('/'))
        return Error::make(Error::Invalid,
                           tr("“%1” is not an absolute path in the sandbox.").arg(shown(path)));
    return Error::make(Error::Conflict, limitation());
}

ExecSession* ExecSandboxFiles::openScript(Job* job, const QString& script, const RemotePath& path)
{
    ExecSession* session = nullptr;
    if (path.startsWith('/') && isRunning()) {
        ExecOptions options;
        options.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
        options.tty = false;
        options.attachStdin = true;
        options.container = m_container;
        session = m_backend->openExec(m_sandboxId, options);
    }
    if (!session) {
        const Error error =
            path.startsWith('/') && isRunning()
                ? Error::make(Error::Invalid, tr("This sandbox cannot run commands, so its files "
                                                 "cannot be reached."))
                : notPossible(path);
        QTimer::singleShot(0, job, [job, error] { job->finishWithError(error); });
        return nullptr;
    }
    ++m_execCount;
    session->setParent(job);
    return session;
}

void ExecSandboxFiles::runScript(Job* job, const QString& script, const RemotePath& path,
                                 const Handler& onEnd)
{
    ExecSession* session = openScript(job, script, path);
    if (!session)
        return;
    auto out = std::make_shared<QByteArray>();
    auto err = std::make_shared<QByteArray>();
    connect(session, &ExecSession::received, job,
            [job, session, out, err](ExecSession::Stream stream, const QByteArray& bytes) {
                if (stream == ExecSession::Stream::Stderr) {
                    appendBounded(err.get(), bytes, maxStderrBytes);
                } else if (out->size() + bytes.size() > maxListingBytes) {
                    job->finishWithError(Error::make(
                        Error::Protocol,
                        tr("The sandbox sent more than %1 MiB for one listing; it was stopped.")
                            .arg(maxListingBytes / (1024 * 1024))));
                    session->close();
                } else {
                    out->append(bytes);
                }
            });
    connect(session, &ExecSession::finished, job, [job, out, err, onEnd](int exitCode) {
        if (!job->isFinished())
            onEnd(exitCode, *out, *err);
    });
    connect(session, &ExecSession::failed, job,
            [job](const Error& error) { job->finishWithError(execError(error)); });
    connect(job, &Job::cancelRequested, session, &ExecSession::close);
    session->start();
    session->closeStdin();
}

Error ExecSandboxFiles::scriptError(int exitCode, const QByteArray& stderrText,
                                    const RemotePath& path)
{
    const QString detail = stderrDetail(stderrText);
    const QString code = QString::number(exitCode);
    switch (exitCode) {
    case ExecFilesScript::NotFound:
        return Error::make(Error::NotFound,
                           tr("“%1” does not exist in the sandbox.").arg(shown(path)), code,
                           detail);
    case ExecFilesScript::Denied:
        return Error::make(Error::Auth, tr("Permission denied for “%1”.").arg(shown(path)), code,
                           detail);
    case ExecFilesScript::NotFolder:
        return Error::make(Error::Invalid, tr("“%1” is not a folder.").arg(shown(path)), code,
                           detail);
    case ExecFilesScript::Exists:
        return Error::make(Error::Conflict, tr("“%1” already exists.").arg(shown(path)), code,
                           detail);
    case ExecFilesScript::NotEmpty:
        return Error::make(Error::Conflict, tr("The folder “%1” is not empty.").arg(shown(path)),
                           code, detail);
    case ExecFilesScript::MissingTool:
        return Error::make(Error::Server,
                           tr("The sandbox's image has no “%1” command, which this needs.")
                               .arg(detail.section(QLatin1Char('\n'), 0, 0)),
                           code, detail);
    case 126:
    case 127:
        return Error::make(Error::Server,
                           tr("The sandbox has no shell (/bin/sh) to run file commands with."),
                           code, detail);
    default:
        break;
    }
    // What the tool said, in the C locale the scripts set.
    const auto said = [&stderrText](const char* text) {
        return stderrText.contains(text);
    };
    if (said("No such file"))
        return Error::make(Error::NotFound,
                           tr("“%1” does not exist in the sandbox.").arg(shown(path)), code,
                           detail);
    if (said("Read-only file system"))
        return Error::make(Error::Auth, tr("“%1” is on a read-only file system.").arg(shown(path)),
                           code, detail);
    if (said("Permission denied") || said("Operation not permitted"))
        return Error::make(Error::Auth, tr("Permission denied for “%1”.").arg(shown(path)), code,
                           detail);
    if (said("Directory not empty"))
        return Error::make(Error::Conflict, tr("The folder “%1” is not empty.").arg(shown(path)),
                           code, detail);
    if (said("File exists"))
        return Error::make(Error::Conflict, tr("“%1” already exists.").arg(shown(path)), code,
                           detail);
    if (said("Not a directory"))
        return Error::make(Error::Invalid, tr("“%1” is not a folder.").arg(shown(path)), code,
                           detail);
    if (said("No space left"))
        return Error::make(Error::Server, tr("The sandbox has no space left on its disk."), code,
                           detail);
    return Error::make(Error::Server,
                       tr("The command on “%1” failed in the sandbox.").arg(shown(path)), code,
                       detail);
}

ResultJob<QList<FileEntry>>* ExecSandboxFiles::list(const RemotePath& folder)
{
    auto* job = new ResultJob<QList<FileEntry>>(this);
    runScript(job, ExecFilesScript::list(folder), folder,
              [job, folder](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, folder));
                  QList<FileEntry> entries;
                  QString why;
                  if (!ExecFilesScript::parseListing(out, &entries, &why))
                      return job->finishWithError(
                          Error::make(Error::Protocol,
                                      tr("The sandbox sent a listing of “%1” that cannot be read.")
                                          .arg(shown(folder)),
                                      {}, why));
                  job->finishWithValue(entries);
              });
    return job;
}

ResultJob<FileEntry>* ExecSandboxFiles::stat(const RemotePath& path)
{
    auto* job = new ResultJob<FileEntry>(this);
    runScript(job, ExecFilesScript::stat(path), path,
              [job, path](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, path));
                  QList<FileEntry> entries;
                  QString why;
                  if (!ExecFilesScript::parseListing(out, &entries, &why))
                      return job->finishWithError(Error::make(
                          Error::Protocol,
                          tr("The sandbox sent a description of “%1” that cannot be read.")
                              .arg(shown(path)),
                          {}, why));
                  if (entries.size() != 1)
                      return job->finishWithError(scriptError(ExecFilesScript::NotFound, {}, path));
                  FileEntry entry = entries.first();
                  entry.name = RemotePaths::fileName(path);
                  job->finishWithValue(entry);
              });
    return job;
}

ResultJob<QList<FileEntry>>* ExecSandboxFiles::find(const RemotePath& folder,
                                                    const QByteArray& pattern)
{
    auto* job = new ResultJob<QList<FileEntry>>(this);
    runScript(job, ExecFilesScript::find(folder, pattern), folder,
              [job, folder](int exitCode, const QByteArray& out, const QByteArray& err) {
                  if (exitCode != 0)
                      return job->finishWithError(scriptError(exitCode, err, folder));
                  QList<FileEntry> entries;
                  QString why;
                  if (!ExecFilesScript::parseListing(out, &entries, &why, true))
                      return job->finishWithError(Error::make(
                          Error::Protocol,
                          tr("The sandbox sent search results under “%1” that cannot be read.")
                              .arg(shown(folder)),
                          {}, why));
                  job->finishWithValue(entries);
              });
    return job;
}

namespace {

// A handler for scripts that only succeed or fail.
auto simpleEnd(Job* job, const RemotePath& path)
{
    return [job, path](int exitCode, const QByteArray&, const QByteArray& err) {
        if (exitCode != 0)
            job->finishWithError(ExecSandboxFiles::scriptError(exitCode, err, path));
        else
            job->finishWithResult({});
    };
}

} // namespace

Job* ExecSandboxFiles::makeFolder(const RemotePath& path, bool parents)
{
    auto* job = new Job(this);
    runScript(job, ExecFilesScript::makeFolder(path, parents), path, simpleEnd(job, path));
    return job;
}

Job* ExecSandboxFiles::move(const RemotePath& from, const RemotePath& to)
{
    return moveWith(ExecFilesScript::move(from, to), from, to);
}

Job* ExecSandboxFiles::replace(const RemotePath& from, const RemotePath& to)
{
    return moveWith(ExecFilesScript::replace(from, to), from, to);
}

Job* ExecSandboxFiles::moveWith(const QString& script, const RemotePath& from, const RemotePath& to)
{
    auto* job = new Job(this);
    if (!to.startsWith('/')) {
        QTimer::singleShot(0, job, [job, error = notPossible(to)] { job->finishWithError(error); });
        return job;
    }
    runScript(job, script, from,
              [job, from, to](int exitCode, const QByteArray&, const QByteArray& err) {
                  if (exitCode == ExecFilesScript::Exists)
                      job->finishWithError(scriptError(exitCode, err, to));
                  else if (exitCode != 0)
                      job->finishWithError(scriptError(exitCode, err, from));
                  else
                      job->finishWithResult({});
              });
    return job;
}

ResultJob<qint64>* ExecSandboxFiles::countEntries(const RemotePath& path)
{
    auto* job = new ResultJob<qint64>(this);
    runScript(
        job, ExecFilesScript::countEntries(path), path,
        [job, path](int exitCode, const QByteArray& out, const QByteArray& err) {
            if (exitCode != 0)
                return job->finishWithError(scriptError(exitCode, err, path));
            const qint64 count = ExecFilesScript::parseCount(out);
            if (count < 1)
                return job->finishWithError(Error::make(
                    Error::Protocol,
                    tr("The sandbox sent a count of “%1” that cannot be read.").arg(shown(path))));
            job->finishWithValue(count);
        });
    return job;
}

Job* ExecSandboxFiles::remove(const RemotePath& path, bool recursive)
{
    auto* job = new Job(this);
    runScript(job, ExecFilesScript::remove(path, recursive), path, simpleEnd(job, path));
    return job;
}

Job* ExecSandboxFiles::changeMode(const RemotePath& path, quint32 mode)
{
    auto* job = new Job(this);
    runScript(job, ExecFilesScript::changeMode(path, mode), path, simpleEnd(job, path));
    return job;
}

Job* ExecSandboxFiles::readArchive(const RemotePath& path, QIODevice* sink)
{
    auto* job = new Job(this);
    if (ExecSession* session = openScript(job, ExecFilesScript::readArchive(path), path))
        new ArchiveReader(job, session, sink, path);
    return job;
}

Job* ExecSandboxFiles::writeArchive(const RemotePath& folder, QIODevice* source, Owners owners)
{
    auto* job = new Job(this);
    // tar in the sandbox keeps owners only when it runs as root, which cannot be known here.
    if (owners == Owners::FromArchive) {
        QMetaObject::invokeMethod(
            job, [job] { job->finishWithError(ownershipUnsupported()); }, Qt::QueuedConnection);
        return job;
    }
    if (ExecSession* session = openScript(job, ExecFilesScript::writeArchive(folder), folder))
        new ArchiveWriter(job, session, source, folder);
    return job;
}
