#pragma once

#include <QFlags>
#include <QFrame>

class QAction;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

// The find bar of the log, activity-log and terminal windows: a text, its options, previous
// and next, and where the current match is among them. The owner searches; the bar asks.
class FindBar final : public QFrame
{
    Q_OBJECT
public:
    enum class Feature
    {
        None = 0,
        RegularExpression = 0x1, // the text may be a regular expression
        Closable = 0x2,          // a close button; Esc hides the bar instead of clearing the text
    };
    Q_DECLARE_FLAGS(Features, Feature)

    explicit FindBar(Features features, QWidget* parent = nullptr);

    QString text() const;
    void setText(const QString& text);
    Qt::CaseSensitivity caseSensitivity() const;
    bool isRegularExpression() const;
    void setPlaceholderText(const QString& text);
    // Milliseconds of quiet typing before queryChanged(); 0 tells at once.
    void setSearchDelay(int milliseconds);
    // Enter goes to the previous match rather than the next (a terminal searches upwards).
    void setEnterFindsPrevious(bool previous);
    // Where previous and next answer their keys (F3, Shift+F3); the window by default.
    void setShortcutContext(Qt::ShortcutContext context);

    // What the label says: current is 0-based, -1 when no match is chosen yet.
    void setMatches(int current, int total, bool searching = false);
    // A problem with the query (e.g. a bad regular expression) shown instead of the count.
    void setMessage(const QString& message);
    QString matchText() const;

    // Shows the bar and puts the cursor in its text, selected.
    void activate();
    // Ctrl+F anywhere in host shows the bar and focuses its field.
    void addFindShortcut(QWidget* host);
    QLineEdit* edit() const { return m_edit; }

Q_SIGNALS:
    void queryChanged();
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void retranslateUi();
    void updateLabel();
    void dismiss();

    const Features m_features;
    bool m_enterFindsPrevious = false;
    int m_current = -1;
    int m_total = 0;
    bool m_searching = false;
    QString m_message;

    QLineEdit* m_edit = nullptr;
    QTimer* m_delay = nullptr;
    QToolButton* m_optionsButton = nullptr;
    QAction* m_caseAction = nullptr;
    QAction* m_regexAction = nullptr;
    QAction* m_previousAction = nullptr;
    QAction* m_nextAction = nullptr;
    QLabel* m_matchLabel = nullptr;
    QToolButton* m_closeButton = nullptr;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(FindBar::Features)
