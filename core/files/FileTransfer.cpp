#include "FileTransfer.h"

#include "SandboxFiles.h"
#include "TarExtractor.h"
#include "TarPacker.h"
#include "sandbox/CheckedNumbers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTimer>

#include <sys/stat.h>

namespace {

constexpr qint64 SpeedWindowMs = 5000;

bool localExists(const QString& path, bool* isFolder)
{
    struct stat info;
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return false;
    *isFolder = S_ISDIR(info.st_mode);
    return true;
}

} // namespace

FileTransfer::FileTransfer(SandboxFiles* files, Direction direction, QObject* parent)
    : QObject(parent)
    , m_files(files)
    , m_direction(direction)
    , m_sampler(new QTimer(this))
{
    m_sampler->setInterval(500);
    connect(m_sampler, &QTimer::timeout, this, [this] {
        sample();
        Q_EMIT progressed();
    });
}

FileTransfer::~FileTransfer()
{
    if (m_job)
        m_job->cancel();
    if (m_extractor)
        m_extractor->abort();
    if (m_packer)
        m_packer->abort();
}

FileTransfer* FileTransfer::download(SandboxFiles* files, const QList<RemotePath>& paths,
                                     const QString& localFolder, QObject* parent)
{
    auto* transfer = new FileTransfer(files, Direction::Download, parent);
    transfer->m_remotePaths = paths;
    transfer->m_localFolder = localFolder;
    return transfer;
}

FileTransfer* FileTransfer::upload(SandboxFiles* files, const QStringList& localPaths,
                                   const RemotePath& remoteFolder, QObject* parent)
{
    auto* transfer = new FileTransfer(files, Direction::Upload, parent);
    transfer->m_localPaths = localPaths;
    transfer->m_remoteFolder = remoteFolder;
    return transfer;
}

QStringList FileTransfer::itemNames() const
{
    QStringList names;
    if (m_direction == Direction::Download) {
        for (const RemotePath& path : m_remotePaths)
            names << RemotePaths::displayName(RemotePaths::fileName(path));
    } else {
        for (const QString& path : m_localPaths)
            names << QFileInfo(path).fileName();
    }
    return names;
}

QString FileTransfer::currentName() const
{
    const QStringList names = itemNames();
    return m_index < names.size() ? names.at(m_index) : QString();
}

int FileTransfer::itemCount() const
{
    return int(m_direction == Direction::Download ? m_remotePaths.size() : m_localPaths.size());
}

double FileTransfer::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return 0;
    const auto& [firstMs, firstBytes] = m_samples.front();
    const auto& [lastMs, lastBytes] = m_samples.back();
    if (lastMs <= firstMs)
        return 0;
    return double(lastBytes - firstBytes) * 1000.0 / double(lastMs - firstMs);
}

qint64 FileTransfer::secondsLeft() const
{
    const double speed = bytesPerSecond();
    if (m_total < 0 || speed <= 0)
        return -1;
    const double seconds = double(qMax<qint64>(0, m_total - bytesDone())) / speed + 0.5;
    return CheckedNumbers::toInteger<qint64>(seconds).value_or(-1);
}

qint64 FileTransfer::bytesDone() const
{
    const qint64 done = m_doneBefore + (m_packer ? m_packer->bytesRead() : m_itemBytes);
    return m_total >= 0 ? qMin(done, m_total) : done;
}

void FileTransfer::sample()
{
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_packer)
        m_itemBytes = m_packer->bytesRead();
    m_samples.emplace_back(now, bytesDone());
    while (m_samples.size() > 2 && m_samples.front().first < now - SpeedWindowMs)
        m_samples.pop_front();
}

void FileTransfer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (isActive())
        m_sampler->start();
    else
        m_sampler->stop();
    Q_EMIT stateChanged(state);
    if (state == State::Finished || state == State::Failed || state == State::Cancelled)
        Q_EMIT finished();
}

void FileTransfer::start()
{
    if (m_state != State::Ready)
        return;
    m_clock.start();
    if (m_direction == Direction::Upload) {
        QList<TarPacker::Item> items;
        for (const QString& path : std::as_const(m_localPaths))
            items.append({path, QFile::encodeName(QFileInfo(path).fileName())});
        m_total = TarPacker::contentSize(items);
    }
    setState(State::Running);
    nextItem();
}

void FileTransfer::retry()
{
    if (m_state != State::Failed && m_state != State::Cancelled)
        return;
    m_error = {};
    m_itemBytes = 0;
    m_samples.clear();
    setState(State::Running);
    nextItem();
}

void FileTransfer::cancel()
{
    if (!canCancel())
        return;
    m_error = Error::make(Error::Cancelled, tr("Cancelled."));
    if (m_job)
        m_job->cancel();
    if (m_packer)
        m_packer->abort();
    if (m_extractor) {
        // The extractor removes what it made, then says so.
        m_extractor->abort();
        return;
    }
    cleanUpAfterCancel();
}

void FileTransfer::cleanUpAfterCancel()
{
    m_itemBytes = 0;
    if (!m_uploadTemp.isEmpty() && m_files) {
        Job* removal = m_files->remove(RemotePaths::join(m_remoteFolder, m_uploadTemp), true);
        m_uploadTemp.clear();
        connect(removal, &Job::finished, this, [this] { setState(State::Cancelled); });
        return;
    }
    // An upload cut short leaves what the sandbox had unpacked; remove it when it is new.
    if (m_direction == Direction::Upload && !m_targetExisted && !m_destName.isEmpty() && m_files &&
        m_files->capabilities().testFlag(SandboxFiles::CanModify)) {
        Job* removal = m_files->remove(RemotePaths::join(m_remoteFolder, m_destName), true);
        connect(removal, &Job::finished, this, [this] { setState(State::Cancelled); });
        return;
    }
    setState(State::Cancelled);
}

void FileTransfer::fail(const Error& error)
{
    if (m_state == State::Failed || m_state == State::Cancelled)
        return;
    if (m_error.kind == Error::Cancelled) {
        cleanUpAfterCancel();
        return;
    }
    m_error = error;
    m_itemBytes = 0;
    setState(State::Failed);
}

void FileTransfer::nextItem()
{
    if (m_state != State::Running)
        return;
    if (m_index >= itemCount()) {
        sample();
        Q_EMIT progressed();
        setState(State::Finished);
        return;
    }
    if (!m_files) {
        fail(Error::make(Error::Connection, tr("The sandbox's files are no longer available.")));
        return;
    }
    m_itemBytes = 0;
    m_name.clear();
    m_destName.clear();
    m_targetExisted = false;
    if (m_direction == Direction::Download)
        checkDownload();
    else
        checkUpload();
}

void FileTransfer::checkDownload()
{
    const RemotePath path = m_remotePaths.at(m_index);
    auto* job = m_files->statWithoutOwner(path);
    m_job = job;
    connect(job, &Job::finished, this, [this, job, path] {
        if (job->error().isError()) {
            fail(job->error());
            return;
        }
        const FileEntry entry = job->value();
        m_isFolder = entry.type == FileEntry::Type::Folder;
        if (m_index == 0 && m_total < 0)
            m_total = 0;
        if (m_total >= 0)
            m_total = entry.type == FileEntry::Type::File ? m_total + entry.size : -1;
        m_name = RemotePaths::fileName(path);
        if (m_name.isEmpty())
            m_name = "/";
        bool existingIsFolder = false;
        m_targetExisted =
            localExists(QDir(m_localFolder).filePath(QFile::decodeName(m_name)), &existingIsFolder);
        if (m_targetExisted)
            onConflict(m_name, m_isFolder);
        else
            decided(ConflictChoice::Overwrite);
    });
}

void FileTransfer::checkUpload()
{
    const QString path = m_localPaths.at(m_index);
    m_name = QFile::encodeName(QFileInfo(path).fileName());
    bool isFolder = false;
    if (!localExists(path, &isFolder)) {
        fail(Error::make(Error::NotFound, tr("“%1” does not exist.").arg(path)));
        return;
    }
    m_isFolder = isFolder;
    auto* job = m_files->statWithoutOwner(RemotePaths::join(m_remoteFolder, m_name));
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        if (job->error().isError() && job->error().kind != Error::NotFound) {
            fail(job->error());
            return;
        }
        m_targetExisted = !job->error().isError();
        if (m_targetExisted)
            onConflict(m_name, m_isFolder);
        else
            decided(ConflictChoice::Overwrite);
    });
}

void FileTransfer::onConflict(const QByteArray& name, bool isFolder)
{
    if (m_choiceForAll) {
        decided(*m_choiceForAll);
        return;
    }
    setState(State::AskingConflict);
    Q_EMIT conflictFound(RemotePaths::displayName(name), isFolder);
}

void FileTransfer::resolveConflict(ConflictChoice choice, bool forAll)
{
    if (m_state != State::AskingConflict)
        return;
    if (forAll)
        m_choiceForAll = choice;
    setState(State::Running);
    decided(choice);
}

void FileTransfer::decided(ConflictChoice choice)
{
    m_choice = choice;
    m_destName = m_name;
    if (m_targetExisted && choice == ConflictChoice::Skip) {
        m_warnings << tr("Skipped “%1”: it exists already.").arg(RemotePaths::displayName(m_name));
        ++m_index;
        nextItem();
        return;
    }
    if (m_targetExisted && choice == ConflictChoice::KeepBoth) {
        findFreeName(2);
        return;
    }
    if (m_direction == Direction::Download)
        runDownload();
    else
        runUpload();
}

QByteArray FileTransfer::numberedName(const QByteArray& name, int n, bool isFolder)
{
    const QByteArray number = " (" + QByteArray::number(n) + ')';
    const qsizetype dot = name.lastIndexOf('.');
    if (isFolder || dot <= 0)
        return name + number;
    return name.left(dot) + number + name.mid(dot);
}

void FileTransfer::findFreeName(int n)
{
    const QByteArray candidate = numberedName(m_name, n, m_isFolder);
    const auto use = [this, candidate] {
        m_destName = candidate;
        m_targetExisted = false;
        if (m_direction == Direction::Download)
            runDownload();
        else
            runUpload();
    };
    if (m_direction == Direction::Download) {
        bool isFolder = false;
        if (localExists(QDir(m_localFolder).filePath(QFile::decodeName(candidate)), &isFolder))
            findFreeName(n + 1);
        else
            use();
        return;
    }
    auto* job = m_files->statWithoutOwner(RemotePaths::join(m_remoteFolder, candidate));
    m_job = job;
    connect(job, &Job::finished, this, [this, job, n, use] {
        if (job->error().kind == Error::NotFound)
            use();
        else if (job->error().isError())
            fail(job->error());
        else
            findFreeName(n + 1);
    });
}

void FileTransfer::runDownload()
{
    m_jobDone = false;
    m_extractorDone = false;
    m_itemError = {};
    auto* extractor = new TarExtractor(m_localFolder, this);
    m_extractor = extractor;
    if (m_destName != m_name)
        extractor->setConflict(m_name, TarExtractor::Conflict::Rename, m_destName);
    extractor->open(QIODevice::WriteOnly);
    // The extractor stays until both it and the job are done (concludeDownload): it may end at
    // the archive's last block before the engine's reply ends, and the job's end still tells it.
    connect(extractor, &TarExtractor::finished, this, [this, extractor] {
        m_extractorDone = true;
        if (m_job && !m_jobDone) {
            // The archive ended (or failed) before the engine finished sending.
            if (extractor->error().isError())
                m_job->cancel();
        }
        concludeDownload();
    });
    Job* job = m_files->readArchive(m_remotePaths.at(m_index), extractor);
    m_job = job;
    connect(job, &Job::progressed, this, [this](qint64 done, qint64) { m_itemBytes = done; });
    connect(job, &Job::finished, this, [this, job, extractor] {
        m_jobDone = true;
        m_itemError = job->error();
        if (m_itemError.isError())
            extractor->abort();
        else
            extractor->finishInput();
        concludeDownload();
    });
}

void FileTransfer::concludeDownload()
{
    if (!m_jobDone || !m_extractorDone)
        return;
    TarExtractor* extractor = m_extractor;
    m_extractor = nullptr;
    if (extractor)
        extractor->deleteLater();
    if (m_error.kind == Error::Cancelled) {
        cleanUpAfterCancel();
        return;
    }
    if (m_itemError.isError()) {
        fail(m_itemError);
        return;
    }
    if (extractor && extractor->error().isError()) {
        fail(extractor->error());
        return;
    }
    if (extractor)
        m_warnings << extractor->refusals();
    itemDone();
}

void FileTransfer::runUpload()
{
    m_uploadTemp.clear();
    if (m_targetExisted && !m_isFolder &&
        m_files->capabilities().testFlag(SandboxFiles::CanModify)) {
        // Hidden, unlikely to be taken, and within the 255 bytes a name may have.
        m_uploadTemp = '.' + m_destName.left(200) + ".sbd-" +
                       QByteArray::number(QRandomGenerator::global()->generate64(), 36) + ".part";
    }
    const QByteArray packedName = m_uploadTemp.isEmpty() ? m_destName : m_uploadTemp;
    auto* packer = new TarPacker({{m_localPaths.at(m_index), packedName}}, this);
    m_packer = packer;
    packer->open(QIODevice::ReadOnly);
    Job* job = m_files->writeArchive(m_remoteFolder, packer, SandboxFiles::Owners::Sandbox);
    m_job = job;
    connect(job, &Job::finished, this, [this, job, packer] {
        const Error error = job->error();
        m_packer = nullptr;
        packer->deleteLater();
        if (m_error.kind == Error::Cancelled) {
            cleanUpAfterCancel();
            return;
        }
        if (packer->error().isError() || error.isError()) {
            removeUploadTemp();
            fail(packer->error().isError() ? packer->error() : error);
            return;
        }
        m_itemBytes = packer->bytesRead();
        m_warnings << packer->warnings();
        uploadDone();
    });
}

void FileTransfer::uploadDone()
{
    if (m_uploadTemp.isEmpty() || !m_files) {
        itemDone();
        return;
    }
    // The move cannot be called back once asked for, so it is seen through: a cancel now would
    // say the old file is kept when the new one may already be in its place.
    m_committing = true;
    Q_EMIT progressed();
    Job* job = m_files->replace(RemotePaths::join(m_remoteFolder, m_uploadTemp),
                                RemotePaths::join(m_remoteFolder, m_destName));
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        m_committing = false;
        if (job->error().isError()) {
            removeUploadTemp();
            fail(job->error());
            return;
        }
        m_uploadTemp.clear();
        itemDone();
    });
}

void FileTransfer::removeUploadTemp()
{
    if (!m_uploadTemp.isEmpty() && m_files)
        m_files->remove(RemotePaths::join(m_remoteFolder, m_uploadTemp), true);
    m_uploadTemp.clear();
}

void FileTransfer::itemDone()
{
    m_doneBefore += m_itemBytes;
    m_itemBytes = 0;
    if (m_total >= 0 && m_doneBefore > m_total && m_index + 1 >= itemCount())
        m_total = m_doneBefore;
    ++m_index;
    sample();
    Q_EMIT progressed();
    nextItem();
}
