#pragma once

#include "files/FileEntry.h"
#include "files/PreviewText.h"
#include "sandbox/Error.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class Job;
class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;
class QTemporaryDir;
class QToolButton;
class SandboxFiles;
class TarHeadSink;

// The start of one file of a sandbox, shown as text or as an image. Only the first bytes are
// fetched (TextLimit, ImageLimit): the transfer is cancelled once they are in. A small text
// file can be edited and saved back in its encoding; saving first asks the sandbox whether
// the file changed since it was opened (modification time and size) and warns if it did.
class FilePreview final : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 TextLimit = 4 * 1024 * 1024;
    static constexpr qint64 ImageLimit = 32 * 1024 * 1024;
    static constexpr qint64 EditLimit = 1024 * 1024;

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

    bool canEdit() const;
    bool isEditing() const { return m_editing; }
    bool hasUnsavedChanges() const;
    bool isSaving() const { return m_saving; }
    void startEditing();
    // Back to the text as it was read, read-only.
    void discardChanges();
    void save();

Q_SIGNALS:
    void closeRequested();
    // The file was written to the sandbox; error when it was not.
    void saveFinished(const RemotePath& path, const Error& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void headArrived();
    void showMessage(const QString& text);
    void showText(const QByteArray& head, bool truncated);
    void showImage(const QByteArray& head);
    void stop();
    void readHead();
    void checkBeforeSaving();
    void write();
    void saveFailed(const Error& error);
    void updateButtons();
    void retranslateUi();
    void updateNote();

    QPointer<SandboxFiles> m_files;
    QPointer<Job> m_job;
    FileEntry m_baseline; // as the sandbox described the file before it was read
    bool m_hasBaseline = false;
    bool m_editing = false;
    bool m_saving = false;
    std::unique_ptr<QTemporaryDir> m_saveFolder;
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
    QToolButton* m_editButton = nullptr;
    QToolButton* m_saveButton = nullptr;
    QToolButton* m_discardButton = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_messageLabel = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QScrollArea* m_imageArea = nullptr;
    QLabel* m_image = nullptr;
};
