#include "FilePreview.h"

#include "files/SandboxFiles.h"
#include "files/TarHeadSink.h"
#include "sandbox/Job.h"

#include <QBuffer>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

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
    header->addWidget(m_title, 1);
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
    m_content = Content::None;
    m_text->clear();
    m_image->clear();
    m_title->clear();
    m_messageLabel->clear();
    m_stack->setCurrentWidget(m_messageLabel);
    updateNote();
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
    m_content = Content::Loading;
    showMessage(tr("Loading…"));
    m_content = Content::Loading;
    m_sink = new TarHeadSink(m_asImage ? ImageLimit : TextLimit, this);
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
    m_stack->setCurrentWidget(m_text);
    updateNote();
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
    m_wrapButton->setText(tr("Wrap"));
    m_wrapButton->setToolTip(tr("Wrap long lines"));
    m_closeButton->setToolTip(tr("Close the preview"));
    updateNote();
}
