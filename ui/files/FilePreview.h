#pragma once

#include "files/FileEntry.h"
#include "files/PreviewText.h"
#include "sandbox/Error.h"

#include <QPointer>
#include <QWidget>

class Job;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QToolButton;
class SandboxFiles;
class TarHeadSink;

// The start of one file of a sandbox, shown as text or as an image. Only the first bytes are
// fetched (TextLimit, ImageLimit): the transfer is cancelled once they are in.
class FilePreview final : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 TextLimit = 4 * 1024 * 1024;
    static constexpr qint64 ImageLimit = 32 * 1024 * 1024;

    enum class Content
    {
        None,
        Loading,
        Text,
        Image,
        Message // why there is nothing to show
    };

    explicit FilePreview(QWidget* parent = nullptr);
    ~FilePreview() override;

    // files must outlive the preview's use of it.
    void open(SandboxFiles* files, const RemotePath& path, const FileEntry& entry);
    void clear();

    RemotePath path() const { return m_path; }
    Content content() const { return m_content; }
    // What the header says about the content: encoding, partial, size of an image.
    QString note() const;
    QString message() const;
    QPlainTextEdit* textView() const { return m_text; }
    QLabel* imageView() const { return m_image; }
    const PreviewText& text() const { return m_decoded; }

Q_SIGNALS:
    void closeRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void headArrived();
    void showMessage(const QString& text);
    void showText(const QByteArray& head, bool truncated);
    void showImage(const QByteArray& head);
    void stop();
    void retranslateUi();
    void updateNote();

    QPointer<Job> m_job;
    TarHeadSink* m_sink = nullptr;
    RemotePath m_path;
    FileEntry m_entry;
    bool m_asImage = false;
    Content m_content = Content::None;
    PreviewText m_decoded;
    bool m_truncated = false;
    qint64 m_fileSize = 0;
    QString m_imageFormat;
    QSize m_imageSize;

    QLabel* m_title = nullptr;
    QLabel* m_note = nullptr;
    QToolButton* m_wrapButton = nullptr;
    QToolButton* m_closeButton = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QScrollArea* m_imageArea = nullptr;
    QLabel* m_image = nullptr;
};
