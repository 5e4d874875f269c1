<?php
// Writes real PHP session files with each serialize_handler and id alphabet, and reports what json_encode sees.
// argv[1]: a temp directory for session.save_path. Prints one JSON array.
class Account { public $name = 'alice'; protected $hash = 'x'; private $salt = 'y'; public $tags = ['a' => 1]; }

function fill(): void {
    $shared = ['k' => 'v'];
    $obj = new stdClass();
    $obj->n = 1;
    $_SESSION['int'] = -42;
    $_SESSION['big'] = PHP_INT_MAX >> 11;
    $_SESSION['floats'] = [0.1, 19.99, 1.5e-7, -0.0, 1e25];
    $_SESSION['text'] = "Zoë \"q\" ;|} 🍪";
    $_SESSION['list'] = [true, false, null, ''];
    $_SESSION['map'] = [10 => 'ten', 'x' => ['y' => []], '5' => 'five'];
    $_SESSION['account'] = new Account();
    $_SESSION['when'] = new DateTimeImmutable('2024-01-02 03:04:05', new DateTimeZone('UTC'));
    $_SESSION['ref1'] = &$shared;
    $_SESSION['ref2'] = &$shared;
    $_SESSION['obj1'] = $obj;
    $_SESSION['obj2'] = $obj;
}

$out = [];
$configs = [['php', 5, 26], ['php_serialize', 4, 32], ['php_binary', 6, 40], ['php', 6, 128], ['php_serialize', 5, 22]];
foreach ($configs as [$handler, $bits, $length]) {
    ini_set('session.save_path', $argv[1]);
    ini_set('session.serialize_handler', $handler);
    ini_set('session.sid_bits_per_character', (string)$bits);
    ini_set('session.sid_length', (string)$length);
    ini_set('session.use_cookies', '0');
    ini_set('session.cache_limiter', '');
    session_id(session_create_id());
    session_start();
    fill();
    $json = json_encode($_SESSION);
    $id = session_id();
    session_write_close();
    $content = file_get_contents($argv[1] . '/sess_' . $id);
    $out[] = ['handler' => $handler, 'bits' => $bits, 'id' => $id, 'cookie' => rawurlencode($id),
              'contentBase64' => base64_encode($content), 'json' => $json];
    $_SESSION = [];
}
echo json_encode($out);
