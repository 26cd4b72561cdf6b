#pragma once

#include "files/TarExtractor.h"

#include <QByteArray>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

// Tar archives made entry by entry with libarchive, hostile ones included, and a way to run
// them through a TarExtractor.
class TarBuilder final
{
public:
    TarBuilder()
        : m_archive(archive_write_new())
    {
        archive_write_set_format_pax_restricted(m_archive);
        archive_write_set_options(m_archive, "hdrcharset=BINARY");
        archive_write_open(m_archive, this, nullptr, &TarBuilder::write, nullptr);
    }
    ~TarBuilder() { archive_write_free(m_archive); }
    Q_DISABLE_COPY_MOVE(TarBuilder)

    TarBuilder& file(const QByteArray& name, const QByteArray& content, int mode = 0644)
    {
        return add(name, AE_IFREG, mode, content, {}, {});
    }
    TarBuilder& folder(const QByteArray& name, int mode = 0755)
    {
        return add(name, AE_IFDIR, mode, {}, {}, {});
    }
    TarBuilder& symlink(const QByteArray& name, const QByteArray& target)
    {
        return add(name, AE_IFLNK, 0777, {}, target, {});
    }
    TarBuilder& hardlink(const QByteArray& name, const QByteArray& target)
    {
        return add(name, AE_IFREG, 0644, {}, {}, target);
    }
    TarBuilder& special(const QByteArray& name, unsigned int type)
    {
        return add(name, type, 0644, {}, {}, {});
    }
    // The owner of the entries added after.
    TarBuilder& owner(qint64 uid, qint64 gid)
    {
        m_uid = uid;
        m_gid = gid;
        return *this;
    }
    QByteArray finish()
    {
        archive_write_close(m_archive);
        return m_bytes;
    }

private:
    static la_ssize_t write(struct archive*, void* self, const void* buffer, size_t length)
    {
        static_cast<TarBuilder*>(self)->m_bytes.append(static_cast<const char*>(buffer),
                                                       qsizetype(length));
        return la_ssize_t(length);
    }
    TarBuilder& add(const QByteArray& name, unsigned int type, int mode, const QByteArray& content,
                    const QByteArray& symlinkTarget, const QByteArray& hardlinkTarget)
    {
        struct archive_entry* entry = archive_entry_new();
        archive_entry_copy_pathname(entry, name.constData());
        archive_entry_set_filetype(entry, type);
        archive_entry_set_perm(entry, mode_t(mode));
        archive_entry_set_size(entry, content.size());
        archive_entry_set_mtime(entry, 1700000000, 0);
        archive_entry_set_uid(entry, m_uid);
        archive_entry_set_gid(entry, m_gid);
        if (!symlinkTarget.isEmpty())
            archive_entry_copy_symlink(entry, symlinkTarget.constData());
        if (!hardlinkTarget.isEmpty())
            archive_entry_copy_hardlink(entry, hardlinkTarget.constData());
        archive_write_header(m_archive, entry);
        if (!content.isEmpty())
            archive_write_data(m_archive, content.constData(), size_t(content.size()));
        archive_entry_free(entry);
        return *this;
    }

    struct archive* m_archive;
    QByteArray m_bytes;
    qint64 m_uid = 0;
    qint64 m_gid = 0;
};

// Feeds bytes in small pieces and waits for the end.
inline bool extractAll(TarExtractor& extractor, const QByteArray& bytes, int piece = 1000)
{
    if (!extractor.open(QIODevice::WriteOnly))
        return false;
    QSignalSpy finished(&extractor, &TarExtractor::finished);
    for (qsizetype at = 0; at < bytes.size(); at += piece)
        extractor.write(bytes.mid(at, piece));
    extractor.finishInput();
    return finished.wait(60000);
}

// Every path under folder, with "/" after folders and "@" before a symbolic link's target.
inline QStringList treeOf(const QString& folder)
{
    QStringList paths;
    QDir dir(folder);
    const QFileInfoList entries = dir.entryInfoList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo& info : entries) {
        if (info.isSymLink()) {
            paths << info.fileName() + QLatin1Char('@') + info.symLinkTarget();
        } else if (info.isDir()) {
            paths << info.fileName() + QLatin1Char('/');
            for (const QString& below : treeOf(info.filePath()))
                paths << info.fileName() + QLatin1Char('/') + below;
        } else {
            paths << info.fileName();
        }
    }
    return paths;
}
