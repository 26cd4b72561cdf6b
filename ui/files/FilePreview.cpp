#include "FilePreview.h"

#include "files/SandboxFiles.h"
#include "files/TarHeadSink.h"
#include "files/TarPacker.h"
#include "sandbox/Job.h"

#include <QAction>
#include <QBuffer>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <sys/stat.h>

namespace {

bool isImageName(const QByteArray& name)
{
    static const QMimeDatabase mimes;
    const QMimeType mime =
        mimes.mimeTypeForFile(QString::fromUtf8(name), QMimeDatabase::MatchExtension);
    return QImageReader::supportedMimeTypes().contains(mime.name().toLatin1());
}

} // namespace

FilePreview::FilePreview(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("filePreview"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("previewTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("previewNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_wrapButton = new QToolButton;
    m_wrapButton->setObjectName(QStringLiteral("wrapButton"));
    m_wrapButton->setCheckable(true);
    m_wrapButton->setAutoRaise(true);
    m_closeButton = new QToolButton;
    m_closeButton->setObjectName(QStringLiteral("closePreviewButton"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    connect(m_closeButton, &QToolButton::clicked, this, &FilePreview::closeRequested);
    const auto button = [this](const char* name) {
        auto* b = new QToolButton;
        b->setObjectName(QLatin1String(name));
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        return b;
    };
    m_editButton = button("editButton");
    connect(m_editButton, &QToolButton::clicked, this, &FilePreview::startEditing);
    m_saveButton = button("saveButton");
    connect(m_saveButton, &QToolButton::clicked, this, &FilePreview::save);
    auto* saveAction = new QAction(this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &FilePreview::save);
    addAction(saveAction);
    m_discardButton = button("discardButton");
    connect(m_discardButton, &QToolButton::clicked, this, &FilePreview::discardChanges);
    header->addWidget(m_title, 1);
    header->addWidget(m_editButton);
    header->addWidget(m_saveButton);
    header->addWidget(m_discardButton);
    header->addWidget(m_wrapButton);
    header->addWidget(m_closeButton);
    layout->addLayout(header);
    layout->addWidget(m_note);

    m_stack = new QStackedWidget;
    m_messageLabel = new QLabel;
    m_messageLabel->setObjectName(QStringLiteral("previewMessage"));
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_text->document(), &QTextDocument::modificationChanged, this,
            &FilePreview::updateButtons);
    connect(m_wrapButton, &QToolButton::toggled, this, [this](bool wrap) {
        m_text->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    m_image = new QLabel;
    m_image->setObjectName(QStringLiteral("previewImage"));
    m_image->setAlignment(Qt::AlignCenter);
    m_imageArea = new QScrollArea;
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_stack->addWidget(m_messageLabel);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_imageArea);
    layout->addWidget(m_stack, 1);
    retranslateUi();
    clear();
}

FilePreview::~FilePreview()
{
    stop();
}

void FilePreview::stop()
{
    if (m_job) {
        Job* job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
    }
    if (m_sink) {
        m_sink->disconnect(this);
        // The job may still hold it until its cancel is done.
        m_sink->deleteLater();
        m_sink = nullptr;
    }
}

void FilePreview::clear()
{
    stop();
    m_path.clear();
    m_entry = {};
    m_baseline = {};
    m_hasBaseline = false;
    m_editing = false;
    m_saving = false;
    m_content = Content::None;
    m_text->setReadOnly(true);
    m_text->clear();
    m_image->clear();
    m_title->clear();
    m_messageLabel->clear();
    m_stack->setCurrentWidget(m_messageLabel);
    updateNote();
    updateButtons();
}

void FilePreview::open(SandboxFiles* files, const RemotePath& path, const FileEntry& entry)
{
    clear();
    m_path = path;
    m_entry = entry;
    m_title->setText(RemotePaths::displayName(entry.name));
    if (entry.type == FileEntry::Type::Folder || entry.type == FileEntry::Type::Other) {
        showMessage(tr("Only files can be previewed."));
        return;
    }
    if (!files || !files->capabilities().testFlag(SandboxFiles::CanReadArchive)) {
        showMessage(files && !files->limitation().isEmpty()
                        ? files->limitation()
                        : tr("The files of this sandbox cannot be read."));
        return;
    }
    m_asImage = isImageName(entry.name);
    if (m_asImage && entry.size > ImageLimit) {
        showMessage(tr("The image is too large to preview (%1).")
                        .arg(QLocale().formattedDataSize(entry.size)));
        return;
    }
    m_files = files;
    showMessage(tr("Loading…"));
    m_content = Content::Loading;
    if (!files->capabilities().testFlag(SandboxFiles::CanList)) {
        readHead();
        return;
    }
    // What the file is before it is read: the mark a later save compares with.
    auto* stat = files->stat(path);
    m_job = stat;
    connect(stat, &Job::finished, this, [this, stat] {
        m_job = nullptr;
        if (!stat->error().isError()) {
            m_baseline = stat->value();
            m_hasBaseline = true;
        }
        readHead();
    });
}

void FilePreview::readHead()
{
    if (!m_files)
        return;
    m_sink = new TarHeadSink(m_asImage ? ImageLimit : TextLimit, this);
    SandboxFiles* files = m_files;
    const RemotePath path = m_path;
    Job* job = files->readArchive(path, m_sink);
    m_job = job;
    connect(m_sink, &TarHeadSink::headReady, this, &FilePreview::headArrived);
    connect(job, &Job::finished, this, [this, job] {
        m_job = nullptr;
        if (!m_sink)
            return;
        if (job->error().isError() && !m_sink->isReady()) {
            showMessage(tr("The file could not be read: %1").arg(job->error().fullText()));
            return;
        }
        m_sink->finishInput();
    });
}

void FilePreview::headArrived()
{
    TarHeadSink* sink = m_sink;
    // Enough is in: the rest of the file is not wanted.
    if (m_job) {
        Job* job = m_job;
        m_job = nullptr;
        job->disconnect(this);
        job->cancel();
    }
    if (sink->error().isError()) {
        showMessage(tr("The file could not be read: %1").arg(sink->error().fullText()));
    } else if (sink->kind() == TarHeadSink::Kind::Symlink) {
        showMessage(
            tr("This is a link to “%1”.").arg(RemotePaths::displayName(m_entry.linkTarget)));
    } else if (sink->kind() != TarHeadSink::Kind::File) {
        showMessage(tr("Only files can be previewed."));
    } else if (m_asImage) {
        m_fileSize = sink->size();
        showImage(sink->head());
    } else {
        m_fileSize = sink->size();
        showText(sink->head(), sink->isTruncated());
    }
    sink->deleteLater();
    m_sink = nullptr;
}

void FilePreview::showMessage(const QString& text)
{
    m_content = Content::Message;
    m_messageLabel->setText(text);
    m_stack->setCurrentWidget(m_messageLabel);
    updateNote();
}

void FilePreview::showText(const QByteArray& head, bool truncated)
{
    m_truncated = truncated;
    m_decoded = PreviewText::decode(head, truncated);
    if (m_decoded.encoding == PreviewText::Encoding::Binary) {
        showMessage(tr("This looks like a binary file (%1); it is not shown as text.")
                        .arg(QLocale().formattedDataSize(m_fileSize)));
        return;
    }
    m_content = Content::Text;
    m_text->setPlainText(m_decoded.text);
    m_text->document()->setModified(false);
    m_stack->setCurrentWidget(m_text);
    updateNote();
    updateButtons();
}

bool FilePreview::canEdit() const
{
    return m_content == Content::Text && !m_truncated && !m_decoded.linesCut &&
           m_fileSize <= EditLimit && m_hasBaseline && m_files &&
           m_files->capabilities().testFlag(SandboxFiles::CanWriteArchive);
}

bool FilePreview::hasUnsavedChanges() const
{
    return m_editing && m_text->document()->isModified();
}

void FilePreview::startEditing()
{
    if (!canEdit() || m_editing)
        return;
    m_editing = true;
    m_text->setReadOnly(false);
    m_text->setFocus();
    updateButtons();
}

void FilePreview::discardChanges()
{
    if (!m_editing || m_saving)
        return;
    m_editing = false;
    m_text->setPlainText(m_decoded.text);
    m_text->document()->setModified(false);
    m_text->setReadOnly(true);
    updateButtons();
}

void FilePreview::save()
{
    if (!m_editing || m_saving || !m_files)
        return;
    m_saving = true;
    updateButtons();
    checkBeforeSaving();
}

void FilePreview::checkBeforeSaving()
{
    auto* stat = m_files->stat(m_path);
    m_job = stat;
    connect(stat, &Job::finished, this, [this, stat] {
        m_job = nullptr;
        const FileEntry now = stat->value();
        QString changed;
        if (stat->error().kind == Error::NotFound)
            changed = tr("“%1” was deleted in the sandbox since you opened it.")
                          .arg(RemotePaths::displayName(m_entry.name));
        else if (stat->error().isError())
            return saveFailed(stat->error());
        else if (now.modified != m_baseline.modified || now.size != m_baseline.size)
            changed = tr("“%1” was changed in the sandbox since you opened it.")
                          .arg(RemotePaths::displayName(m_entry.name));
        if (changed.isEmpty())
            return write();
        auto* box = new QMessageBox(QMessageBox::Warning, tr("File Changed"), changed,
                                    QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("changedQuestion"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(tr("Saving replaces what is there now with your version."));
        QPushButton* overwrite = box->addButton(tr("Save Anyway"), QMessageBox::DestructiveRole);
        overwrite->setObjectName(QStringLiteral("saveAnywayButton"));
        QPushButton* cancel = box->addButton(QMessageBox::Cancel);
        box->setDefaultButton(cancel);
        connect(overwrite, &QPushButton::clicked, this, &FilePreview::write);
        connect(cancel, &QPushButton::clicked, this, [this] {
            m_saving = false;
            updateButtons();
        });
        box->open();
    });
}

void FilePreview::write()
{
    if (!m_files)
        return saveFailed(Error::make(Error::Cancelled, tr("The sandbox is gone.")));
    m_saveFolder = std::make_unique<QTemporaryDir>();
    const QByteArray name = RemotePaths::fileName(m_path);
    const QString local = m_saveFolder->filePath(QFile::decodeName(name));
    QFile file(local);
    const QByteArray bytes = PreviewText::encode(m_text->toPlainText(), m_decoded.encoding);
    if (!m_saveFolder->isValid() || !file.open(QIODevice::WriteOnly) ||
        file.write(bytes) != bytes.size()) {
        return saveFailed(
            Error::make(Error::Server,
                        tr("A temporary copy could not be written: %1").arg(file.errorString())));
    }
    file.close();
    // The archive carries the mode: the file keeps its own, readable here for packing.
    const quint32 mode = m_baseline.mode & 07777;
    const quint32 localMode = (mode & 0777) | 0400;
    ::chmod(QFile::encodeName(local).constData(), localMode);
    auto* packer = new TarPacker({{local, name}}, this);
    packer->open(QIODevice::ReadOnly);
    Job* job =
        m_files->writeArchive(RemotePaths::parent(m_path), packer, SandboxFiles::Owners::Sandbox);
    m_job = job;
    connect(job, &Job::finished, this, [this, job, packer, mode, localMode] {
        m_job = nullptr;
        packer->deleteLater();
        Error error = job->error();
        if (!error.isError() && packer->error().isError())
            error = packer->error();
        if (error.isError())
            return saveFailed(error);
        if (!m_files)
            return saveFailed(Error::make(Error::Cancelled, tr("The sandbox is gone.")));
        const auto done = [this] {
            if (!m_files)
                return saveFailed(Error::make(Error::Cancelled, tr("The sandbox is gone.")));
            auto* stat = m_files->stat(m_path);
            m_job = stat;
            connect(stat, &Job::finished, this, [this, stat] {
                m_job = nullptr;
                m_baseline = stat->value();
                m_saving = false;
                m_saveFolder.reset();
                m_decoded.text = m_text->toPlainText();
                m_fileSize = m_baseline.size;
                m_text->document()->setModified(false);
                updateButtons();
                Q_EMIT saveFinished(m_path, {});
            });
        };
        if (mode == localMode)
            return done();
        Job* chmod = m_files->changeMode(m_path, mode);
        connect(chmod, &Job::finished, this, [this, chmod, done] {
            if (chmod->error().isError())
                return saveFailed(chmod->error());
            done();
        });
    });
}

void FilePreview::saveFailed(const Error& error)
{
    m_saving = false;
    m_saveFolder.reset();
    updateButtons();
    Q_EMIT saveFinished(m_path, error);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Not Saved"),
                        tr("“%1” could not be saved.").arg(RemotePaths::displayName(m_entry.name)),
                        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("saveError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(error.fullText());
    box->open();
}

void FilePreview::updateButtons()
{
    m_editButton->setVisible(canEdit() && !m_editing);
    m_saveButton->setVisible(m_editing);
    m_discardButton->setVisible(m_editing);
    m_saveButton->setEnabled(!m_saving && m_text->document()->isModified());
    m_discardButton->setEnabled(!m_saving);
}

void FilePreview::showImage(const QByteArray& head)
{
    QBuffer buffer;
    buffer.setData(head);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format();
    const QImage image = reader.read();
    if (image.isNull()) {
        showMessage(tr("The image could not be read: %1").arg(reader.errorString()));
        return;
    }
    m_content = Content::Image;
    m_imageFormat = QString::fromLatin1(format).toUpper();
    m_imageSize = image.size();
    const QSize room = m_imageArea->viewport()->size() - QSize(8, 8);
    QPixmap pixmap = QPixmap::fromImage(image);
    if (pixmap.width() > room.width() || pixmap.height() > room.height())
        pixmap = pixmap.scaled(room.expandedTo(QSize(64, 64)), Qt::KeepAspectRatio,
                               Qt::SmoothTransformation);
    m_image->setPixmap(pixmap);
    m_stack->setCurrentWidget(m_imageArea);
    updateNote();
}

QString FilePreview::note() const
{
    return m_note->text();
}

QString FilePreview::message() const
{
    return m_content == Content::Message || m_content == Content::Loading ? m_messageLabel->text()
                                                                          : QString();
}

void FilePreview::updateNote()
{
    QStringList parts;
    if (m_content == Content::Text) {
        parts << PreviewText::encodingName(m_decoded.encoding);
        if (m_truncated)
            parts << tr("showing the first %1 of %2")
                         .arg(QLocale().formattedDataSize(TextLimit),
                              QLocale().formattedDataSize(m_fileSize));
        if (m_decoded.linesCut)
            parts << tr("lines longer than %L1 characters are cut").arg(PreviewText::MaxLineLength);
    } else if (m_content == Content::Image) {
        parts << QStringLiteral("%1, %2 × %3")
                     .arg(m_imageFormat)
                     .arg(m_imageSize.width())
                     .arg(m_imageSize.height());
    }
    m_note->setText(parts.join(tr("; ")));
    m_note->setVisible(!parts.isEmpty());
    m_wrapButton->setVisible(m_content == Content::Text);
}

void FilePreview::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FilePreview::retranslateUi()
{
    m_editButton->setText(tr("Edit"));
    m_editButton->setToolTip(tr("Change this file and save it back to the sandbox"));
    m_saveButton->setText(tr("Save"));
    m_saveButton->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_discardButton->setText(tr("Discard"));
    m_discardButton->setToolTip(tr("Forget the changes"));
    m_wrapButton->setText(tr("Wrap"));
    m_wrapButton->setToolTip(tr("Wrap long lines"));
    m_closeButton->setToolTip(tr("Close the preview"));
    updateNote();
}
