#include "FirstFrame.h"

#include <QEventLoop>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace cardlink::terminal {

bool saveFirstFrame(QQmlApplicationEngine& engine, const QString& path, int settleMs)
{
    auto* window = engine.rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) {
        std::fprintf(stderr, "cardlink: no window to grab\n");
        return false;
    }
    QEventLoop loop;
    bool swapped = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        swapped = true;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    window->show();
    loop.exec();
    if (!swapped) {
        std::fprintf(stderr, "cardlink: no frame within 20 s\n");
        return false;
    }
    QTimer::singleShot(settleMs, &loop, &QEventLoop::quit);
    loop.exec();
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path, "PNG")) {
        std::fprintf(stderr, "cardlink: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("cardlink: first frame saved to %s (%dx%d)\n", qPrintable(path), image.width(),
                image.height());
    return true;
}

} // namespace cardlink::terminal
