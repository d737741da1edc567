package org.carehub.failures;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Hawtio console in a real headless Chromium (Debian chromium + chromium-driver), for end-to-end
 * tests of the console pages. Every wait is for a condition on the page, never a fixed time.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go; -Dcarehub.screenshots=docs/console refreshes the ones in the README. */
    static final Path SCREENSHOTS = Path.of(System.getProperty("carehub.screenshots", "target/screenshots"));

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    ConsoleBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root; --disable-dev-shm-usage: small /dev/shm in containers.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1600,1200", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Signs in on whichever form the hub shows first: Hawtio's own login page (PatternFly LoginForm) or
     * Spring Security's form. Fails if neither appears: the console must not be open to anonymous users.
     */
    void signIn(String user, String password) {
        By hawtioUser = By.id("pf-login-username-id");
        By springUser = By.cssSelector("form input#username");
        wait.withMessage("a sign-in form").until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(hawtioUser),
                ExpectedConditions.visibilityOfElementLocated(springUser)));
        WebElement name = first(hawtioUser, springUser);
        boolean hawtio = "pf-login-username-id".equals(name.getAttribute("id"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(hawtio ? By.id("pf-login-password-id") : By.cssSelector("form input#password"));
        secret.sendKeys(password);
        secret.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        waitFor(By.cssSelector(".pf-v6-c-page__sidebar, #page-sidebar"), "the Hawtio console after signing in");
    }

    /** Opens a page of the console from Hawtio's side navigation. */
    void openNav(String title) {
        click(By.xpath("//nav//a[normalize-space()='" + title + "']"), "the '" + title + "' navigation link");
    }

    WebElement waitFor(By by, String what) {
        return wait.withMessage(what).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        wait.withMessage("'" + text + "' in " + by).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void waitUntilGone(By by, String what) {
        wait.withMessage(what).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Clicks the element, finding it afresh if the console re-rendered it in between (as Hawtio does while loading). */
    void click(By by, String what) {
        wait.withMessage(what).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    /** Scrolls the page so the element is at the top of the window (for a screenshot of it). */
    void scrollTo(By by) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'})", waitFor(by, "element " + by));
    }

    /** Types into the input until the text is there, finding it afresh if the console re-rendered it meanwhile. */
    void type(By by, String text) {
        wait.withMessage("typing into " + by).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement input = d.findElement(by);
            if (!input.isDisplayed()) {
                return false;
            }
            input.clear();
            input.sendKeys(text);
            return text.equals(input.getDomProperty("value"));
        });
    }

    String text(By by) {
        return waitFor(by, "text of " + by).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Saves what the browser shows as {@code SCREENSHOTS/name.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement first(By... candidates) {
        for (By by : candidates) {
            List<WebElement> found = driver.findElements(by);
            if (!found.isEmpty() && found.get(0).isDisplayed()) {
                return found.get(0);
            }
        }
        throw new IllegalStateException("no sign-in field visible");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
